package org.improvementhub.tenancy.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.improvementhub.tenancy.context.HubClaims;
import org.improvementhub.tenancy.context.tokens.CurrentCredentials;
import org.improvementhub.tenancy.user.UserAccount;

/**
 * Signs a user's token. The issuer and audience are the very properties every service's validators
 * check ({@code micronaut.security.token.jwt.claims-validators.*}), so what tenancy issues and what
 * services accept cannot drift apart.
 */
@Singleton
public class TokenIssuer {

  private final SigningKey key;
  private final Clock clock;
  private final String issuer;
  private final String audience;
  private final Duration lifetime;
  private final CredentialsVersions credentials;

  public TokenIssuer(
      SigningKey key,
      CredentialsVersions credentials,
      Clock clock,
      @Value("${micronaut.security.token.jwt.claims-validators.issuer}") String issuer,
      @Value("${micronaut.security.token.jwt.claims-validators.audience:improvement-hub}")
          String audience,
      @Value("${hub.tokens.lifetime:1h}") Duration lifetime) {
    this.key = key;
    this.credentials = credentials;
    this.clock = clock;
    this.issuer = issuer;
    this.audience = audience;
    this.lifetime = lifetime;
  }

  public AccessToken issue(UserAccount user) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(user.email())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .claim(HubClaims.ROLES, user.roleNames())
            // tokens issued before the person's next password change are refused after it
            .claim(CurrentCredentials.CLAIM, credentials.current(user.email()));
    if (user.council() != null) {
      claims.claim(HubClaims.COUNCIL, user.council());
    }
    if (!user.observerScopeSlugs().isEmpty()) {
      claims.claim(HubClaims.OBSERVER_SCOPE, user.observerScopeSlugs());
    }
    SignedJWT token =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.keyId())
                .type(JOSEObjectType.JWT)
                .build(),
            claims.build());
    try {
      token.sign(key.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("The token could not be signed", e);
    }
    return AccessToken.bearer(token.serialize(), lifetime.toSeconds());
  }
}
