package org.improvementhub.tenancy.user;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.improvementhub.web.problem.ProblemException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Hashes and checks passwords with BCrypt (spring-security-crypto). BCrypt reads at most 72 bytes,
 * so longer passwords are refused rather than silently cut.
 */
@Singleton
public class Passwords {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 72;

  private final BCryptPasswordEncoder encoder;
  private final String decoyHash;

  public Passwords(@Value("${hub.passwords.bcrypt-strength:12}") int strength) {
    this.encoder = new BCryptPasswordEncoder(strength);
    this.decoyHash = encoder.encode(UUID.randomUUID().toString());
  }

  /**
   * The hash to store for a new password.
   *
   * @throws ProblemException (400 naming {@code password}) if it is too short or too long
   */
  public String hash(String password) {
    if (password == null || password.strip().length() < MIN_LENGTH) {
      throw ProblemException.invalidField(
          "password", "must be at least " + MIN_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
      throw ProblemException.invalidField("password", "must be at most " + MAX_LENGTH + " bytes");
    }
    return encoder.encode(password);
  }

  public boolean matches(String password, String hash) {
    return password != null
        && password.getBytes(StandardCharsets.UTF_8).length <= MAX_LENGTH
        && encoder.matches(password, hash);
  }

  /**
   * Spends the time a real check would, for a sign-in with an unknown email, so that response times
   * do not tell which emails have accounts.
   */
  public boolean matchesNobody(String password) {
    encoder.matches(password == null ? "" : password, decoyHash);
    return false;
  }
}
