package org.improvementhub.notifications.settings;

import io.micronaut.serde.annotation.Serdeable;

/**
 * How the signed-in person hears about their actions. {@code escalationsAlwaysSent} and {@code
 * escalations} tell them, whatever they chose, that escalations to a programme manager still come.
 */
@Serdeable
public record MyPreference(
    String email, DeliveryMode mode, boolean escalationsAlwaysSent, String escalations) {

  static final String ESCALATIONS =
      "Escalations of overdue actions to a programme manager are always sent by email and cannot"
          + " be switched off.";

  static MyPreference of(String email, DeliveryMode mode) {
    return new MyPreference(email, mode, true, ESCALATIONS);
  }
}
