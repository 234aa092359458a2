package org.improvementhub.tenancy.sso;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Councils' providers as their discovery documents ({@code /.well-known/openid-configuration})
 * describe them, with the keys of their JWKS. A discovery document is kept a few minutes; the JWKS
 * is cached and refetched by Nimbus when a token names a key it has not seen (a provider's key
 * rotation). Nimbus checks that the document's issuer is the one asked for.
 *
 * <p>Before anything is fetched the issuer must still pass the platform's {@link SsoRules} (the
 * allow-list of provider hosts may have changed since the council saved it), and every endpoint the
 * document names (authorisation, token, JWKS, userinfo, end-session) must pass them too: an allowed
 * issuer cannot point tenancy at another host. No call to a provider follows redirects, for the
 * same reason.
 */
@Singleton
class IdentityProviders {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityProviders.class);
  private static final int JWKS_SIZE_LIMIT = 512 * 1024;

  /** A provider's endpoints and keys. */
  record Provider(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys) {}

  private record Known(Provider provider, Instant fetchedAt) {}

  private final Map<String, Known> byIssuer = new ConcurrentHashMap<>();
  private final SsoRules rules;
  private final Clock clock;
  private final Duration keptFor;
  private final int timeoutMillis;

  IdentityProviders(
      SsoRules rules,
      Clock clock,
      @Value("${hub.sso.discovery-cache:5m}") Duration keptFor,
      @Value("${hub.sso.provider-timeout:5s}") Duration timeout) {
    this.rules = rules;
    this.clock = clock;
    this.keptFor = keptFor;
    this.timeoutMillis = (int) timeout.toMillis();
  }

  Provider of(String issuer) {
    Instant now = clock.instant();
    Known known = byIssuer.get(issuer);
    if (known != null && known.fetchedAt().plus(keptFor).isAfter(now)) {
      return known.provider();
    }
    Provider provider = discover(issuer);
    byIssuer.put(issuer, new Known(provider, now));
    return provider;
  }

  /** Sets a call to a provider's timeouts and stops it following redirects. */
  void configure(HTTPRequest request) {
    request.setConnectTimeout(timeoutMillis);
    request.setReadTimeout(timeoutMillis);
    request.setFollowRedirects(false);
  }

  private Provider discover(String issuer) {
    String issuerProblem = rules.issuerProblem(issuer);
    if (issuerProblem != null) {
      LOG.warn("The provider {} of a council is not called: its issuer {}", issuer, issuerProblem);
      throw notAllowed();
    }
    try {
      OIDCProviderMetadata metadata =
          OIDCProviderMetadata.resolve(new Issuer(issuer), this::configure);
      if (metadata.getJWKSetURI() == null
          || metadata.getAuthorizationEndpointURI() == null
          || metadata.getTokenEndpointURI() == null) {
        throw new GeneralException("the discovery document lacks an endpoint or the JWKS");
      }
      refuseEndpointsElsewhere(issuer, metadata);
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(), new NoRedirects(timeoutMillis))
              .retrying(true)
              .build();
      return new Provider(metadata, keys);
    } catch (GeneralException | IOException | IllegalArgumentException e) {
      LOG.warn("The provider {} could not be discovered: {}", issuer, e.getMessage());
      throw ProblemException.of(
          ProblemType.UNAVAILABLE, "The council's sign-in provider cannot be reached just now");
    }
  }

  private void refuseEndpointsElsewhere(String issuer, OIDCProviderMetadata metadata) {
    Map<String, URI> endpoints = new LinkedHashMap<>();
    endpoints.put("authorization_endpoint", metadata.getAuthorizationEndpointURI());
    endpoints.put("token_endpoint", metadata.getTokenEndpointURI());
    endpoints.put("jwks_uri", metadata.getJWKSetURI());
    endpoints.put("userinfo_endpoint", metadata.getUserInfoEndpointURI());
    endpoints.put("end_session_endpoint", metadata.getEndSessionEndpointURI());
    endpoints.forEach(
        (name, endpoint) -> {
          if (endpoint == null) {
            return;
          }
          String problem = rules.endpointProblem(endpoint);
          if (problem != null) {
            LOG.warn(
                "The provider {} is not used: its {} on host {} {}",
                issuer,
                name,
                endpoint.getHost(),
                problem);
            throw notAllowed();
          }
        });
  }

  private static ProblemException notAllowed() {
    return ProblemException.of(
        ProblemType.UNAVAILABLE,
        "Single sign-on for this council uses a provider this platform does not allow:"
            + " ask its admin");
  }

  /** Fetches a JWKS without following redirects (which could lead to any host). */
  private static final class NoRedirects extends DefaultResourceRetriever {

    NoRedirects(int timeoutMillis) {
      super(timeoutMillis, timeoutMillis, JWKS_SIZE_LIMIT);
    }

    @Override
    protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
      HttpURLConnection connection = super.openHTTPConnection(url);
      connection.setInstanceFollowRedirects(false);
      return connection;
    }
  }
}
