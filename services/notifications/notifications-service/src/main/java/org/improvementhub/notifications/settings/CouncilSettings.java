package org.improvementhub.notifications.settings;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** The notification settings of the council the unit of work is bound to. */
@Singleton
public class CouncilSettings {

  private final StoredSettingsRepository stored;
  private final Clock clock;

  public CouncilSettings(StoredSettingsRepository stored, Clock clock) {
    this.stored = stored;
    this.clock = clock;
  }

  /** The council's settings; the defaults until its admin changes them. */
  @ReadOnly
  public NotificationSettings current() {
    return stored.find().map(StoredSettings::settings).orElseGet(NotificationSettings::defaults);
  }

  @Transactional
  public NotificationSettings replace(NotificationSettings settings, String by) {
    stored.save(
        settings.remindersEnabled(),
        settings.overdueEnabled(),
        settings.repeatsEnabled(),
        settings.escalationsEnabled(),
        settings.reminderDaysBefore(),
        settings.repeatEveryDays(),
        settings.escalateAfterDays(),
        settings.senderName(),
        settings.replyTo(),
        clock.instant(),
        by);
    return current();
  }
}
