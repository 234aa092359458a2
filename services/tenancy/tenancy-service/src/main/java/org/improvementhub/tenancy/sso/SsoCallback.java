package org.improvementhub.tenancy.sso;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What the provider sent back to the redirect URI, passed on by the client.
 *
 * @param postLogoutRedirectUri where the provider should send the person after signing them out (an
 *     address on the origin of a registered redirect URI); optional
 */
@Serdeable
public record SsoCallback(
    @Nullable String state, @Nullable String code, @Nullable String postLogoutRedirectUri) {}
