package org.improvementhub.notifications;

import io.micronaut.runtime.Micronaut;

/** The notifications service: the emails that tell people an action needs them. */
public final class NotificationsApplication {

  private NotificationsApplication() {}

  public static void main(String[] args) {
    Micronaut.run(NotificationsApplication.class, args);
  }
}
