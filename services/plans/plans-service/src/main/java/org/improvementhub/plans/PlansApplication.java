package org.improvementhub.plans;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.improvementhub.messaging.schema.MigrationRun;

/** The plans service: programmes, plan trees, improvement actions, their RAG and drivers. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "plans",
            version = "1",
            description =
                "Improvement Hub plans: programmes, plan trees, actions, progress, drivers, risks"
                    + " and the audit trail of each council, under /councils/{council}/."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public final class PlansApplication {

  private PlansApplication() {}

  public static void main(String[] args) {
    if (MigrationRun.requested(args)) {
      // the Helm chart's migration Job: migrate every schema and exit, serving nothing
      System.exit(MigrationRun.run(PlansApplication.class, args));
    }
    Micronaut.run(PlansApplication.class, args);
  }
}
