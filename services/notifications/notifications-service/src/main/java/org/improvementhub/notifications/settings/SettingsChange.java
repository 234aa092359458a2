package org.improvementhub.notifications.settings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The whole of a council's settings, as its admin sends them. Escalations can be off council-wide.
 */
@Serdeable
public record SettingsChange(
    @NotNull Boolean remindersEnabled,
    @NotNull Boolean overdueEnabled,
    @NotNull Boolean repeatsEnabled,
    @NotNull Boolean escalationsEnabled,
    @NotNull @Min(1) @Max(60) Integer reminderDaysBefore,
    @NotNull @Min(1) @Max(60) Integer repeatEveryDays,
    @NotNull @Min(1) @Max(180) Integer escalateAfterDays,
    @Nullable
        @Size(max = 100)
        @Pattern(regexp = "[^\\r\\n<>\"]*", message = "must be one line, without <, > or \"")
        String senderName,
    @Nullable @Size(max = 254) @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") String replyTo) {

  NotificationSettings settings() {
    return new NotificationSettings(
        remindersEnabled,
        overdueEnabled,
        repeatsEnabled,
        escalationsEnabled,
        reminderDaysBefore,
        repeatEveryDays,
        escalateAfterDays,
        blankAsNull(senderName),
        blankAsNull(replyTo));
  }

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
