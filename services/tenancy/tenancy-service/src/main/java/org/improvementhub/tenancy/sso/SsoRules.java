package org.improvementhub.tenancy.sso;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The platform's rules for councils' providers and for where a provider may send people back to.
 * Plain-http issuers are for local runs and tests only ({@code hub.sso.allow-local-http-issuers});
 * the redirect URIs are the portal's callback (and any other client of ours), fixed by
 * configuration so that nobody can start a sign-in that delivers its code elsewhere.
 */
@Singleton
class SsoRules {

  private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

  private final boolean allowLocalHttp;
  private final List<String> redirectUris;

  SsoRules(
      @Value("${hub.sso.allow-local-http-issuers:false}") boolean allowLocalHttp,
      @Value("${hub.sso.redirect-uris:`http://localhost:8080/sign-in/sso-callback`}")
          List<String> redirectUris) {
    this.allowLocalHttp = allowLocalHttp;
    this.redirectUris = List.copyOf(redirectUris);
  }

  List<String> redirectUris() {
    return redirectUris;
  }

  /** Why {@code issuer} is not acceptable, or null if it is. */
  String issuerProblem(String issuer) {
    URI uri;
    try {
      uri = new URI(issuer);
    } catch (URISyntaxException e) {
      return "must be an absolute https URL";
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      return "must be an absolute https URL";
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      return "must have no query, fragment or user name";
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return null;
    }
    if (scheme.equals("http")
        && allowLocalHttp
        && LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
      return null;
    }
    return allowLocalHttp
        ? "must be https (plain http only for 127.0.0.1 or localhost)"
        : "must be https";
  }
}
