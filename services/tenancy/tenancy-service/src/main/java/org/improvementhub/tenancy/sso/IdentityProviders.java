package org.improvementhub.tenancy.sso;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
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
 * issuer cannot point tenancy at another host. Every call goes through {@link ProviderCalls}: no
 * redirects followed (for the same reason), and, where the platform forbids it, no connection to an
 * address inside its network whatever the host's name ({@link ProviderAddresses}).
 */
@Singleton
class IdentityProviders {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityProviders.class);

  /** A provider's endpoints and keys. */
  record Provider(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys) {}

  private record Known(Provider provider, Instant fetchedAt) {}

  private final Map<String, Known> byIssuer = new ConcurrentHashMap<>();
  private final SsoRules rules;
  private final Clock clock;
  private final Duration keptFor;
  private final ProviderCalls calls;

  IdentityProviders(
      SsoRules rules,
      Clock clock,
      @Value("${hub.sso.discovery-cache:5m}") Duration keptFor,
      ProviderCalls calls) {
    this.rules = rules;
    this.clock = clock;
    this.keptFor = keptFor;
    this.calls = calls;
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

  /**
   * Sends a request to a provider (its token or userinfo endpoint). A host that resolves inside the
   * platform's network is {@link ProviderAddresses.InsideAddress}, logged there.
   */
  HTTPResponse send(HTTPRequest request) throws IOException {
    return request.send(calls);
  }

  private Provider discover(String issuer) {
    String issuerProblem = rules.issuerProblem(issuer);
    if (issuerProblem != null) {
      LOG.warn("The provider {} of a council is not called: its issuer {}", issuer, issuerProblem);
      throw notAllowed();
    }
    try {
      OIDCProviderMetadata metadata = discovered(new Issuer(issuer));
      if (metadata.getJWKSetURI() == null
          || metadata.getAuthorizationEndpointURI() == null
          || metadata.getTokenEndpointURI() == null) {
        throw new GeneralException("the discovery document lacks an endpoint or the JWKS");
      }
      refuseEndpointsElsewhere(issuer, metadata);
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(), calls).retrying(true).build();
      return new Provider(metadata, keys);
    } catch (ProviderAddresses.InsideAddress e) {
      throw notAllowed();
    } catch (GeneralException | IOException | IllegalArgumentException e) {
      LOG.warn("The provider {} could not be discovered: {}", issuer, e.getMessage());
      throw ProblemException.of(
          ProblemType.UNAVAILABLE, "The council's sign-in provider cannot be reached just now");
    }
  }

  /** The provider's discovery document, which must name the issuer asked for (as Nimbus's). */
  private OIDCProviderMetadata discovered(Issuer issuer) throws GeneralException, IOException {
    HTTPResponse answer =
        new HTTPRequest(HTTPRequest.Method.GET, OIDCProviderMetadata.resolveURL(issuer))
            .send(calls);
    if (answer.getStatusCode() != 200) {
      throw new GeneralException("the discovery document answered " + answer.getStatusCode());
    }
    OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(answer.getBodyAsJSONObject());
    if (!issuer.equals(metadata.getIssuer())) {
      throw new GeneralException("the discovery document names another issuer");
    }
    return metadata;
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
}
