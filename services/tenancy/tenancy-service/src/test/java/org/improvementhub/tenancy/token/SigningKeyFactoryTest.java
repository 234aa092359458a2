package org.improvementhub.tenancy.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the signing key comes from, and that a key file survives a restart unchanged. */
class SigningKeyFactoryTest {

  private final SigningKeyFactory factory = new SigningKeyFactory();

  @TempDir Path directory;

  @Test
  void aMissingKeyFileIsGeneratedOnceAndReadBackAsTheSameKey() throws Exception {
    Path file = directory.resolve("local").resolve("signing-key.pem");

    SigningKey generated = factory.signingKey(file.toString(), true);
    SigningKey reread = factory.signingKey(file.toString(), true);

    assertThat(reread.keyId()).isEqualTo(generated.keyId());
    assertThat(reread.publicKey()).isEqualTo(generated.publicKey());
    assertThat(reread.publicKey().getModulus().bitLength()).isEqualTo(2048);
    assertThat(Files.readString(file))
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aMissingKeyFileIsAnErrorUnlessGeneratingIsAllowed() {
    Path file = directory.resolve("absent.pem");
    assertThatThrownBy(() -> factory.signingKey(file.toString(), false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("generate-if-missing");
    assertThat(file).doesNotExist();
  }

  @Test
  void withNoKeyFileEachStartHasItsOwnKey() {
    assertThat(factory.signingKey("", false).keyId())
        .isNotEqualTo(factory.signingKey(" ", true).keyId());
  }

  @Test
  void aFileThatIsNotAPkcs8KeyIsRefused() throws Exception {
    Path file = directory.resolve("not-a-key.pem");
    Files.writeString(
        file, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> factory.signingKey(file.toString(), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PKCS#8");

    Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> factory.signingKey(file.toString(), true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePublishedKeySetHoldsNoPrivateHalf() {
    SigningKey key = factory.signingKey("", false);
    assertThat(key.publicKeys().getKeys())
        .singleElement()
        .satisfies(
            jwk -> {
              assertThat(jwk.isPrivate()).isFalse();
              assertThat(jwk.getKeyID()).isEqualTo(key.keyId());
            });
  }
}
