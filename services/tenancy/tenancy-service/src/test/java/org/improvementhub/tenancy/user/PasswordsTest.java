package org.improvementhub.tenancy.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.improvementhub.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Passwords are stored as salted BCrypt hashes and checked against them; bad ones are refused. */
class PasswordsTest {

  private final Passwords passwords = new Passwords(4);

  @Test
  void aHashMatchesOnlyItsPassword() {
    String hash = passwords.hash("a-long-enough-password");
    assertThat(hash).startsWith("$2a$04$").doesNotContain("a-long-enough-password");
    assertThat(passwords.hash("a-long-enough-password")).isNotEqualTo(hash);
    assertThat(passwords.matches("a-long-enough-password", hash)).isTrue();
    assertThat(passwords.matches("a-long-enough-passworD", hash)).isFalse();
    assertThat(passwords.matches(null, hash)).isFalse();
    assertThat(passwords.matchesNobody("a-long-enough-password")).isFalse();
  }

  @Test
  void tooShortAndTooLongPasswordsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> passwords.hash("short"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().errors().get(0).field()).isEqualTo("password"));
    assertThatThrownBy(() -> passwords.hash("            x")).isInstanceOf(ProblemException.class);
    // 36 characters but 72+ bytes: BCrypt would silently ignore the rest
    assertThatThrownBy(() -> passwords.hash("é".repeat(37)))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().detail()).contains("72 bytes"));
  }
}
