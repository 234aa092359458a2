package org.improvementhub.tenancy.sso;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 */
@Singleton
class IdentityProviders {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityProviders.class);
  private static final int JWKS_SIZE_LIMIT = 512 * 1024;

  /** A provider's endpoints and keys. */
  record Provider(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys) {}

  private record Known(Provider provider, Instant fetchedAt) {}

  private final Map<String, Known> byIssuer = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration keptFor;
  private final int timeoutMillis;

  IdentityProviders(
      Clock clock,
      @Value("${hub.sso.discovery-cache:5m}") Duration keptFor,
      @Value("${hub.sso.provider-timeout:5s}") Duration timeout) {
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

  private Provider discover(String issuer) {
    try {
      OIDCProviderMetadata metadata =
          OIDCProviderMetadata.resolve(new Issuer(issuer), timeoutMillis, timeoutMillis);
      if (metadata.getJWKSetURI() == null
          || metadata.getAuthorizationEndpointURI() == null
          || metadata.getTokenEndpointURI() == null) {
        throw new GeneralException("the discovery document lacks an endpoint or the JWKS");
      }
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.create(
                  metadata.getJWKSetURI().toURL(),
                  new DefaultResourceRetriever(timeoutMillis, timeoutMillis, JWKS_SIZE_LIMIT))
              .retrying(true)
              .build();
      return new Provider(metadata, keys);
    } catch (GeneralException | IOException | IllegalArgumentException e) {
      LOG.warn("The provider {} could not be discovered: {}", issuer, e.getMessage());
      throw ProblemException.of(
          ProblemType.UNAVAILABLE, "The council's sign-in provider cannot be reached just now");
    }
  }
}
