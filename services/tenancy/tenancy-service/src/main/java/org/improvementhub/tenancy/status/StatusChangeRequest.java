package org.improvementhub.tenancy.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** What a platform admin says when changing a council's status: why (required to suspend). */
@Serdeable
public record StatusChangeRequest(@Nullable @Size(max = 500) String reason) {}
