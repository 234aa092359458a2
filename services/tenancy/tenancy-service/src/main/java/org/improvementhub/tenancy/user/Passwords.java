package org.improvementhub.tenancy.user;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import org.improvementhub.web.problem.ProblemException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Hashes and checks passwords with BCrypt (spring-security-crypto), under the NCSC's password
 * guidance: at least {@value #MIN_LENGTH} characters, long passphrases welcome (up to {@value
 * #MAX_LENGTH}), no composition rules, and none of the most common passwords ({@link
 * CommonPasswords}). BCrypt reads at most 72 bytes, so a longer password is first reduced to its
 * SHA-256 (44 characters of Base64): every character of it counts, and no password that was
 * accepted before changes its hash.
 */
@Singleton
public class Passwords {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;
  private static final int BCRYPT_MAX_BYTES = 72;

  private final BCryptPasswordEncoder encoder;
  private final String decoyHash;
  private final CommonPasswords common;

  public Passwords(@Value("${hub.passwords.bcrypt-strength:12}") int strength) {
    this.encoder = new BCryptPasswordEncoder(strength);
    this.decoyHash = encoder.encode(UUID.randomUUID().toString());
    this.common = CommonPasswords.fromClasspath();
  }

  /**
   * The hash to store for a new password.
   *
   * @throws ProblemException (400 naming {@code password}) if it is too short, too long or common
   */
  public String hash(String password) {
    return hash(password, "password");
  }

  /**
   * The hash to store for a new password given in the request's {@code field}.
   *
   * @throws ProblemException (400 naming {@code field}) if it is too short, too long or common
   */
  public String hash(String password, String field) {
    if (password == null || password.strip().length() < MIN_LENGTH) {
      throw ProblemException.invalidField(field, "must be at least " + MIN_LENGTH + " characters");
    }
    if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
      throw ProblemException.invalidField(field, "must be at most " + MAX_LENGTH + " characters");
    }
    if (common.contains(password)) {
      throw ProblemException.invalidField(
          field, "is one of the most common passwords: choose another, such as three words");
    }
    return encoder.encode(bcryptInput(password));
  }

  public boolean matches(String password, String hash) {
    return password != null
        && password.codePointCount(0, password.length()) <= MAX_LENGTH
        && encoder.matches(bcryptInput(password), hash);
  }

  /**
   * Spends the time a real check would, for a sign-in with an unknown email, so that response times
   * do not tell which emails have accounts.
   */
  public boolean matchesNobody(String password) {
    encoder.matches(password == null ? "" : bcryptInput(password), decoyHash);
    return false;
  }

  /** The password itself when BCrypt reads all of it, else its SHA-256 in Base64. */
  private static String bcryptInput(String password) {
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= BCRYPT_MAX_BYTES) {
      return password;
    }
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }
}
