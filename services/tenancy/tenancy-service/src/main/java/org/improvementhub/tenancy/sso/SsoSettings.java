package org.improvementhub.tenancy.sso;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * What a council's admin sets for single sign-on ({@code PUT /councils/{council}/sso}). Checked by
 * {@link CouncilSsoSettings}, which names each bad field.
 *
 * @param issuer the provider's issuer: https (plain http only for 127.0.0.1/localhost where
 *     configured, for local runs and tests)
 * @param clientSecretRef the name of the secret, not the secret: an environment variable, or a file
 *     of the secrets directory
 * @param scopes asked for; must include {@code openid}; {@code openid email profile} if left out
 * @param rolesClaim the ID token claim carrying the person's roles or groups
 * @param roleMapping the provider's value → one of our council roles; values not listed are ignored
 */
@Serdeable
public record SsoSettings(
    @Nullable String issuer,
    @Nullable String clientId,
    @Nullable String clientSecretRef,
    @Nullable List<String> scopes,
    @Nullable String rolesClaim,
    @Nullable Map<String, String> roleMapping,
    @Nullable Boolean enabled) {}
