package org.improvementhub.tenancy.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a council's admin changes about one of its users: their council roles, and whether the
 * account is disabled (it can no longer sign in). A field left out keeps its value.
 */
@Serdeable
public record CouncilUserChange(
    @Nullable @Size(min = 1, max = 4) List<String> roles, @Nullable Boolean disabled) {}
