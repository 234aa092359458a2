package org.improvementhub.tenancy.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** A signed-in user's bearer token, in the shape OAuth 2 clients expect (RFC 6749 §5.1). */
@Serdeable
public record AccessToken(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn) {

  static AccessToken bearer(String token, long expiresInSeconds) {
    return new AccessToken(token, "Bearer", expiresInSeconds);
  }
}
