package org.improvementhub.notifications.settings;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** A person's choice: immediate emails or the weekly digest only. */
@Serdeable
public record PreferenceChange(@NotNull DeliveryMode mode) {}
