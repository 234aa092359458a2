package org.improvementhub.tenancy.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Lets tenancy accept the tokens it signs without fetching its own JWKS over HTTP: a token is
 * checked against the published key its {@code kid} names (the signing key or the second key), and
 * against nothing else. Any JWKS configured under {@code
 * micronaut.security.token.jwt.signatures.jwks} is trusted as well.
 */
@Singleton
public class OwnTokenSignature implements SignatureConfiguration {

  private final PublishedKeys keys;

  public OwnTokenSignature(PublishedKeys keys) {
    this.keys = keys;
  }

  @Override
  public String supportedAlgorithmsMessage() {
    return "Only the RS256 JWS algorithm is supported";
  }

  @Override
  public boolean supports(JWSAlgorithm algorithm) {
    return JWSAlgorithm.RS256.equals(algorithm);
  }

  @Override
  public boolean verify(SignedJWT jwt) throws JOSEException {
    String keyId = jwt.getHeader().getKeyID();
    Optional<SigningKey> key = keyId == null ? Optional.empty() : keys.withId(keyId);
    return key.isPresent() && jwt.verify(new RSASSAVerifier(key.get().publicKey()));
  }
}
