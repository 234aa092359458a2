package org.improvementhub.notifications.settings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** The council's settings row. */
@MappedEntity("notification_settings")
record StoredSettings(
    @Id short id,
    boolean remindersEnabled,
    boolean overdueEnabled,
    boolean repeatsEnabled,
    boolean escalationsEnabled,
    int reminderDaysBefore,
    int repeatEveryDays,
    int escalateAfterDays,
    @Nullable String senderName,
    @Nullable String replyTo,
    Instant updatedAt,
    @Nullable String updatedBy) {

  NotificationSettings settings() {
    return new NotificationSettings(
        remindersEnabled,
        overdueEnabled,
        repeatsEnabled,
        escalationsEnabled,
        reminderDaysBefore,
        repeatEveryDays,
        escalateAfterDays,
        senderName,
        replyTo);
  }
}
