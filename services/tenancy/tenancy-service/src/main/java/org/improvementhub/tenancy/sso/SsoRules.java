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
 * configuration so that nobody can start a sign-in that delivers its code elsewhere. A provider's
 * issuer and every endpoint its discovery document names must be on a host of {@link
 * ProviderHosts}.
 */
@Singleton
class SsoRules {

  private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

  private final boolean allowLocalHttp;
  private final List<String> redirectUris;
  private final ProviderHosts hosts;

  SsoRules(
      @Value("${hub.sso.allow-local-http-issuers:false}") boolean allowLocalHttp,
      @Value("${hub.sso.redirect-uris:`http://localhost:8080/sign-in/sso-callback`}")
          List<String> redirectUris,
      ProviderHosts hosts) {
    this.allowLocalHttp = allowLocalHttp;
    this.redirectUris = List.copyOf(redirectUris);
    this.hosts = hosts;
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
    return addressProblem(uri);
  }

  /**
   * Whether {@code issuer} is refused for its host, not on the platform's allow-list: a refusal
   * worth recording, unlike a typing mistake in the address.
   */
  boolean refusesHost(String issuer) {
    try {
      String host = new URI(issuer).getHost();
      return host != null && !hosts.allows(host);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * Why tenancy must not call (or send people to) {@code endpoint}, an address a provider's
   * discovery document gave, or null if it may.
   */
  String endpointProblem(URI endpoint) {
    if (endpoint == null || !endpoint.isAbsolute() || endpoint.getHost() == null) {
      return "is not an absolute URL";
    }
    if (endpoint.getRawUserInfo() != null) {
      return "has a user name";
    }
    return addressProblem(endpoint);
  }

  /**
   * Whether {@code uri} may be given as where the provider sends people after signing them out:
   * only an address of ours, on the same origin as one of the registered redirect URIs.
   */
  boolean ownAddress(URI uri) {
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
      return false;
    }
    return redirectUris.stream().map(URI::create).anyMatch(ours -> sameOrigin(ours, uri));
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort();
  }

  private String addressProblem(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean localHttp =
        scheme.equals("http")
            && allowLocalHttp
            && LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    if (!scheme.equals("https") && !localHttp) {
      return allowLocalHttp
          ? "must be https (plain http only for 127.0.0.1 or localhost)"
          : "must be https";
    }
    if (!hosts.allows(uri.getHost())) {
      return hosts.none()
          ? "is on a host this platform does not allow: no provider hosts are allowed yet"
              + " (hub.sso.allowed-issuer-hosts)"
          : "is on a host this platform does not allow (hub.sso.allowed-issuer-hosts)";
    }
    return null;
  }
}
