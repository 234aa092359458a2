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
    assertThatThrownBy(() -> passwords.hash("a".repeat(129)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().detail())
                    .isEqualTo("password: must be at most 128 characters"));
  }

  @Test
  void longPassphrasesAreWelcomeAndEveryCharacterOfThemCounts() {
    // 74 bytes, past the 72 BCrypt reads: the two differ only in the last character
    String long1 = "é".repeat(36) + "ab";
    String long2 = "é".repeat(36) + "ac";
    String hash = passwords.hash(long1);
    assertThat(passwords.matches(long1, hash)).isTrue();
    assertThat(passwords.matches(long2, hash)).isFalse();
    String longest = "word ".repeat(25) + "end";
    assertThat(passwords.matches(longest, passwords.hash(longest))).isTrue();
  }

  @Test
  void commonPasswordsAreRefusedWhateverTheirCaseAndNoCompositionIsAsked() {
    for (String common : new String[] {"qwertyuiop123", "1qaz2wsx3edc", "QAZWSXEDCRFV"}) {
      assertThatThrownBy(() -> passwords.hash(common))
          .as(common)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.problem().errors().get(0).field()).isEqualTo("password");
                assertThat(e.problem().detail()).contains("most common passwords");
              });
    }
    // lower-case words only, no digit or symbol: long and uncommon is enough
    assertThat(passwords.hash("purple tractor umbrella")).startsWith("$2a$04$");
  }

  @Test
  void theDenyListIsTheShippedFile() {
    assertThat(CommonPasswords.fromClasspath().size()).isGreaterThan(40_000);
  }
}
