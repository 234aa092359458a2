package org.improvementhub.tenancy;

import io.micronaut.runtime.Micronaut;
import org.improvementhub.messaging.schema.MigrationRun;

/** The tenancy service: councils, provisioning, users, roles and signed tokens. */
public final class TenancyApplication {

  private TenancyApplication() {}

  public static void main(String[] args) {
    if (MigrationRun.requested(args)) {
      // the Helm chart's migration Job: migrate every schema and exit, serving nothing
      System.exit(MigrationRun.run(TenancyApplication.class, args));
    }
    Micronaut.run(TenancyApplication.class, args);
  }
}
