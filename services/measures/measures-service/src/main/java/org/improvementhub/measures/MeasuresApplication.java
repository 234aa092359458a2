package org.improvementhub.measures;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.improvementhub.messaging.schema.MigrationRun;

/** The measures service: a council's KPIs and the values it records against them. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "measures",
            version = "1",
            description =
                "Improvement Hub measures: each council's KPIs, targets and trajectories, values,"
                    + " status and trend, comparators, links to plan items and actions, and the"
                    + " platform library of statutory measures."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public final class MeasuresApplication {

  private MeasuresApplication() {}

  public static void main(String[] args) {
    if (MigrationRun.requested(args)) {
      // the Helm chart's migration Job: migrate every schema and exit, serving nothing
      System.exit(MigrationRun.run(MeasuresApplication.class, args));
    }
    Micronaut.run(MeasuresApplication.class, args);
  }
}
