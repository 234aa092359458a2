package org.improvementhub.notifications;

import io.micronaut.runtime.Micronaut;
import org.improvementhub.messaging.schema.MigrationRun;

/** The notifications service: the emails that tell people an action needs them. */
public final class NotificationsApplication {

  /**
   * Jakarta Mail looks its stream provider up with a {@code ServiceLoader} scan of the class path
   * on every subject, header and body part it encodes (jakartaee/mail-api#699, #861): 11 % of this
   * service's processor time while it sent overdue emails. Named here, it is one class lookup.
   */
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  private NotificationsApplication() {}

  public static void main(String[] args) {
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
    if (MigrationRun.requested(args)) {
      // the Helm chart's migration Job: migrate every schema and exit, serving nothing
      System.exit(MigrationRun.run(NotificationsApplication.class, args));
    }
    Micronaut.run(NotificationsApplication.class, args);
  }
}
