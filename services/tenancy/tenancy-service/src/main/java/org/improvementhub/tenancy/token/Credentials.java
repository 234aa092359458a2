package org.improvementhub.tenancy.token;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person signs in with. */
@Serdeable
public record Credentials(
    @NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1000) String password) {}
