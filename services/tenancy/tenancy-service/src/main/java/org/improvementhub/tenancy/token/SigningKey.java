package org.improvementhub.tenancy.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/**
 * The RSA key tokens are signed with. Its id is the RFC 7638 thumbprint of the public key, so the
 * same key file always gives the same {@code kid}.
 */
public final class SigningKey {

  static final int MIN_BITS = 2048;

  private final RSAKey key;

  private SigningKey(RSAKey key) {
    this.key = key;
  }

  static SigningKey of(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey) {
    if (publicKey.getModulus().bitLength() < MIN_BITS) {
      throw new IllegalArgumentException(
          "The token signing key must have at least " + MIN_BITS + " bits");
    }
    try {
      return new SigningKey(
          new RSAKey.Builder(publicKey)
              .privateKey(privateKey)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint()
              .build());
    } catch (JOSEException e) {
      throw new IllegalStateException("The signing key's id could not be computed", e);
    }
  }

  public String keyId() {
    return key.getKeyID();
  }

  public RSAPublicKey publicKey() {
    try {
      return key.toRSAPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  RSAPrivateCrtKey privateKey() {
    try {
      return (RSAPrivateCrtKey) key.toRSAPrivateKey();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key set to publish; never the private half. */
  public JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  RSASSASigner signer() {
    try {
      return new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("The signing key cannot sign", e);
    }
  }
}
