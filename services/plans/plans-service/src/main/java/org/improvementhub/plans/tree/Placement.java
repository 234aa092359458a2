package org.improvementhub.plans.tree;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Where an item or action goes: under which parent (none for the first level), at which place. */
@Serdeable
public record Placement(@Nullable UUID parentId, @NotNull @Min(0) Integer position) {}
