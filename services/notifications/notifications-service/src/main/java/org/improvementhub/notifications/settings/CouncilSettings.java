package org.improvementhub.notifications.settings;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.improvementhub.notifications.audit.NotificationAuditTrail;

/** The notification settings of the council the unit of work is bound to. */
@Singleton
public class CouncilSettings {

  private final StoredSettingsRepository stored;
  private final Clock clock;
  private final NotificationAuditTrail audit;

  public CouncilSettings(
      StoredSettingsRepository stored, Clock clock, NotificationAuditTrail audit) {
    this.stored = stored;
    this.clock = clock;
    this.audit = audit;
  }

  /** The council's settings; the defaults until its admin changes them. */
  @ReadOnly
  public NotificationSettings current() {
    return stored.find().map(StoredSettings::settings).orElseGet(NotificationSettings::defaults);
  }

  @Transactional
  public NotificationSettings replace(NotificationSettings settings, String by) {
    // before: what the schedule went by, the defaults until the first change
    NotificationSettings before = current();
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
    NotificationSettings after = current();
    audit.record("notification-settings", "council", "REPLACED", before, after);
    return after;
  }
}
