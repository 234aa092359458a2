package org.improvementhub.oversight;

import io.micronaut.runtime.Micronaut;
import org.improvementhub.messaging.schema.MigrationRun;

/** The oversight service: every council side by side for DfE observers, from events. */
public final class OversightApplication {

  private OversightApplication() {}

  public static void main(String[] args) {
    if (MigrationRun.requested(args)) {
      // the Helm chart's migration Job: migrate every schema and exit, serving nothing
      System.exit(MigrationRun.run(OversightApplication.class, args));
    }
    Micronaut.run(OversightApplication.class, args);
  }
}
