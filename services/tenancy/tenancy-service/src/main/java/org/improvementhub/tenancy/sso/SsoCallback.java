package org.improvementhub.tenancy.sso;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What the provider sent back to the redirect URI, passed on by the client. */
@Serdeable
public record SsoCallback(@Nullable String state, @Nullable String code) {}
