package org.improvementhub.notifications;

import io.micronaut.runtime.Micronaut;
import org.improvementhub.messaging.schema.MigrationRun;

/** The notifications service: the emails that tell people an action needs them. */
public final class NotificationsApplication {

  private NotificationsApplication() {}

  public static void main(String[] args) {
    if (MigrationRun.requested(args)) {
      // the Helm chart's migration Job: migrate every schema and exit, serving nothing
      System.exit(MigrationRun.run(NotificationsApplication.class, args));
    }
    Micronaut.run(NotificationsApplication.class, args);
  }
}
