package org.improvementhub.notifications.settings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** The settings row of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface StoredSettingsRepository extends GenericRepository<StoredSettings, Short> {

  @Query(value = "SELECT * FROM notification_settings WHERE id = 1", nativeQuery = true)
  Optional<StoredSettings> find();

  @Query(
      "INSERT INTO notification_settings (id, reminders_enabled, overdue_enabled, repeats_enabled,"
          + " escalations_enabled, reminder_days_before, repeat_every_days, escalate_after_days,"
          + " sender_name, reply_to, updated_at, updated_by) VALUES (1, :reminders, :overdue,"
          + " :repeats, :escalations, :reminderDays, :repeatDays, :escalateDays, :senderName,"
          + " :replyTo, :now, :by) ON CONFLICT (id) DO UPDATE SET"
          + " reminders_enabled = EXCLUDED.reminders_enabled,"
          + " overdue_enabled = EXCLUDED.overdue_enabled,"
          + " repeats_enabled = EXCLUDED.repeats_enabled,"
          + " escalations_enabled = EXCLUDED.escalations_enabled,"
          + " reminder_days_before = EXCLUDED.reminder_days_before,"
          + " repeat_every_days = EXCLUDED.repeat_every_days,"
          + " escalate_after_days = EXCLUDED.escalate_after_days,"
          + " sender_name = EXCLUDED.sender_name, reply_to = EXCLUDED.reply_to,"
          + " updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by")
  void save(
      boolean reminders,
      boolean overdue,
      boolean repeats,
      boolean escalations,
      int reminderDays,
      int repeatDays,
      int escalateDays,
      @Nullable String senderName,
      @Nullable String replyTo,
      Instant now,
      @Nullable String by);
}
