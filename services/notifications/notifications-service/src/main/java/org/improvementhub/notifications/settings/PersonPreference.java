package org.improvementhub.notifications.settings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One person's choice of how they hear about their actions. */
@Serdeable
@MappedEntity("notification_preference")
public record PersonPreference(
    @Id String email, DeliveryMode mode, Instant updatedAt, @Nullable String updatedBy) {}
