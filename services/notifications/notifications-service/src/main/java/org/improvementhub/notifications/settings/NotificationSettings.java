package org.improvementhub.notifications.settings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a council's schedule sends and when.
 *
 * @param reminderDaysBefore how many days before the due date the reminder goes (on the last
 *     working day on or before that day)
 * @param repeatEveryDays how many days after the last overdue email the next goes
 * @param escalateAfterDays how many days overdue an action is when its programme manager is told
 */
@Serdeable
public record NotificationSettings(
    boolean remindersEnabled,
    boolean overdueEnabled,
    boolean repeatsEnabled,
    boolean escalationsEnabled,
    int reminderDaysBefore,
    int repeatEveryDays,
    int escalateAfterDays,
    @Nullable String senderName,
    @Nullable String replyTo) {

  public static NotificationSettings defaults() {
    return new NotificationSettings(true, true, true, true, 7, 7, 14, null, null);
  }
}
