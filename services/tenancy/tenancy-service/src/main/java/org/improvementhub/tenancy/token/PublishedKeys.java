package org.improvementhub.tenancy.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.List;
import java.util.Optional;

/**
 * The keys tokens may be signed with, as published in the JWKS and accepted by tenancy: the signing
 * key first, then at most one second key that is never used to sign (the previous key after a
 * rotation, or the next key before it: {@code docs/runbooks/rotate-signing-key.md}).
 */
public record PublishedKeys(SigningKey signing, Optional<SigningKey> second) {

  public List<SigningKey> all() {
    return second.map(s -> List.of(signing, s)).orElse(List.of(signing));
  }

  /** The key whose id a token names, if it is one of these. */
  public Optional<SigningKey> withId(String keyId) {
    return all().stream().filter(key -> key.keyId().equals(keyId)).findFirst();
  }

  /** The public halves, for the JWKS; never a private key. */
  public JWKSet publicKeys() {
    List<JWK> keys = all().stream().flatMap(key -> key.publicKeys().getKeys().stream()).toList();
    return new JWKSet(keys);
  }
}
