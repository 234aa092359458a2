package org.improvementhub.tenancy.token;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the signing key: the PKCS#8 PEM file {@code hub.tokens.signing-key-file}; if that file is
 * absent and {@code hub.tokens.generate-if-missing} is true, a new key written there (local runs
 * keep their tokens valid across restarts); with no file configured, a key that lives only as long
 * as the process.
 */
@Factory
public class SigningKeyFactory {

  private static final Logger LOG = LoggerFactory.getLogger(SigningKeyFactory.class);

  @Singleton
  SigningKey signingKey(
      @Value("${hub.tokens.signing-key-file:}") String keyFile,
      @Value("${hub.tokens.generate-if-missing:false}") boolean generateIfMissing) {
    if (keyFile.isBlank()) {
      LOG.warn(
          "No hub.tokens.signing-key-file configured: signing tokens with a key held in memory;"
              + " every token becomes invalid when this process stops");
      return SigningKeyFile.generate();
    }
    Path file = Path.of(keyFile);
    if (Files.exists(file)) {
      SigningKey key = SigningKeyFile.read(file);
      LOG.info("Signing tokens with key {} from {}", key.keyId(), file);
      return key;
    }
    if (!generateIfMissing) {
      throw new IllegalStateException(
          "Token signing key file "
              + file
              + " does not exist; provide it or set hub.tokens.generate-if-missing=true");
    }
    SigningKey key = SigningKeyFile.generate();
    SigningKeyFile.write(key, file);
    LOG.info("Generated token signing key {} and wrote it to {}", key.keyId(), file);
    return key;
  }

  /**
   * The signing key and, if {@code hub.tokens.second-key-file} names a file that exists, a second
   * key that is published and accepted but never used to sign. A missing second file is not an
   * error: the chart mounts it optionally, so removing it from the Secret ends its acceptance.
   */
  @Singleton
  PublishedKeys publishedKeys(
      SigningKey signing, @Value("${hub.tokens.second-key-file:}") String secondFile) {
    if (secondFile.isBlank() || !Files.exists(Path.of(secondFile))) {
      LOG.info("Publishing token key {} only", signing.keyId());
      return new PublishedKeys(signing, Optional.empty());
    }
    SigningKey second = SigningKeyFile.read(Path.of(secondFile));
    if (second.keyId().equals(signing.keyId())) {
      LOG.warn("The second token key in {} is the signing key itself; ignored", secondFile);
      return new PublishedKeys(signing, Optional.empty());
    }
    LOG.info(
        "Publishing token keys {} (signing) and {} (second, from {}; accepted, never signs)",
        signing.keyId(),
        second.keyId(),
        secondFile);
    return new PublishedKeys(signing, Optional.of(second));
  }
}
