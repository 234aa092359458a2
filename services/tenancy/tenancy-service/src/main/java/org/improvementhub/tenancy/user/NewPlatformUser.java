package org.improvementhub.tenancy.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a platform admin sends to add a user who belongs to no council: another platform admin
 * ({@code roles: ["PLATFORM_ADMIN"]}) or a DfE observer ({@code roles: ["DFE_OBSERVER"]} with
 * {@code observerScope}: council slugs, or {@code ["*"]} for every council).
 */
@Serdeable
public record NewPlatformUser(
    @NotBlank @Email @Size(max = 320) String email,
    @NotBlank @Size(max = 200) String displayName,
    @NotBlank @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password,
    @NotEmpty List<String> roles,
    @Nullable List<String> observerScope) {}
