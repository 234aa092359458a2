package org.improvementhub.notifications.calendar;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** One England and Wales bank holiday. */
@Serdeable
public record BankHoliday(@NotNull LocalDate date, @NotBlank @Size(max = 100) String name) {}
