package org.improvementhub.tenancy.sso;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Starting a sign-in through a council's provider.
 *
 * @param redirectUri one of the configured redirect URIs ({@code hub.sso.redirect-uris}); the first
 *     if left out
 */
@Serdeable
public record SsoStart(@Nullable String redirectUri) {}
