package org.improvementhub.portal.signin;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.improvementhub.portal.session.Person;

/**
 * Reads who a freshly issued token names. The token came straight from the tenancy service over its
 * API, and every service verifies it on each call, so the portal reads the claims without checking
 * the signature: they only choose which pages and controls to show. The claim names are
 * tenancy-context's {@code HubClaims}, repeated so the portal does not load the services' security.
 */
@Singleton
class TokenClaims {

  private final JsonMapper json;

  TokenClaims(JsonMapper json) {
    this.json = json;
  }

  Person person(String email, String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      throw new IllegalStateException("The tenancy service issued a token that is not a JWT");
    }
    Map<String, Object> claims;
    try {
      claims =
          json.readValue(
              Base64.getUrlDecoder().decode(parts[1]), Argument.mapOf(String.class, Object.class));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("The token's claims could not be read", e);
    }
    Object exp = claims.get("exp");
    return new Person(
        String.valueOf(claims.getOrDefault("sub", email)),
        token,
        Set.copyOf(strings(claims.get("roles"))),
        claims.get("council") == null ? null : String.valueOf(claims.get("council")),
        strings(claims.get("observerScope")),
        exp instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null);
  }

  private static List<String> strings(Object value) {
    if (value instanceof List<?> list) {
      Set<String> all = new LinkedHashSet<>();
      list.forEach(item -> all.add(String.valueOf(item)));
      return List.copyOf(all);
    }
    return value == null ? List.of() : List.of(String.valueOf(value));
  }
}
