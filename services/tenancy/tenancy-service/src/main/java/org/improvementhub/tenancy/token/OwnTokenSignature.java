package org.improvementhub.tenancy.token;

import io.micronaut.security.token.jwt.signature.rsa.RSASignatureConfiguration;
import jakarta.inject.Singleton;
import java.security.interfaces.RSAPublicKey;

/**
 * Lets tenancy accept the tokens it signs without fetching its own JWKS over HTTP; any JWKS
 * configured under {@code micronaut.security.token.jwt.signatures.jwks} is trusted as well.
 */
@Singleton
public class OwnTokenSignature implements RSASignatureConfiguration {

  private final SigningKey key;

  public OwnTokenSignature(SigningKey key) {
    this.key = key;
  }

  @Override
  public RSAPublicKey getPublicKey() {
    return key.publicKey();
  }
}
