package org.improvementhub.tenancy.sso;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A council's SSO settings as the API shows them: the secret's reference and whether it can be
 * found now, never the secret.
 *
 * @param redirectUris the addresses to register with the provider as redirect URIs
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SsoSettingsView(
    String council,
    String issuer,
    String clientId,
    String clientSecretRef,
    boolean clientSecretFound,
    List<String> scopes,
    String rolesClaim,
    Map<String, String> roleMapping,
    boolean enabled,
    List<String> redirectUris,
    String changedBy,
    Instant changedAt) {}
