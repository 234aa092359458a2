package org.improvementhub.tenancy.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The deny-list of common passwords (NCSC password guidance: refuse the most common passwords
 * instead of imposing composition rules). About 49,000 passwords from a public list named in the
 * file's header; compared without case, since "Password1" is as guessable as "password1".
 */
final class CommonPasswords {

  static final String RESOURCE = "passwords/common-passwords.txt";

  private final Set<String> passwords;

  private CommonPasswords(Set<String> passwords) {
    this.passwords = Set.copyOf(passwords);
  }

  static CommonPasswords fromClasspath() {
    InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("The deny-list " + RESOURCE + " is missing");
    }
    Set<String> passwords = new HashSet<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          passwords.add(normalise(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CommonPasswords(passwords);
  }

  boolean contains(String password) {
    return passwords.contains(normalise(password));
  }

  int size() {
    return passwords.size();
  }

  private static String normalise(String password) {
    return password.strip().toLowerCase(Locale.ROOT);
  }
}
