package org.improvementhub.tenancy.sso;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.improvementhub.tenancy.token.AccessToken;

/**
 * Our token for a person signed in through their council's provider, as {@code /auth/login} answers
 * it, and where to send them to be signed out at the provider too (RP-initiated logout).
 *
 * @param signOutUrl the provider's end-session endpoint with the ID token as {@code id_token_hint}
 *     and the client's {@code post_logout_redirect_uri}; null when the provider has none. It
 *     carries the provider's ID token: the client keeps it server-side until the person signs out.
 */
@Serdeable
public record SsoSignedIn(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("sign_out_url") @Nullable String signOutUrl) {

  static SsoSignedIn of(AccessToken token, String signOutUrl) {
    return new SsoSignedIn(token.accessToken(), token.tokenType(), token.expiresIn(), signOutUrl);
  }
}
