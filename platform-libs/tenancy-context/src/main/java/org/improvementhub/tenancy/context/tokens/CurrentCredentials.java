package org.improvementhub.tenancy.context.tokens;

/**
 * Whether a token was issued under a person's current credentials. Tenancy knows each person's
 * credentials version itself; every other service knows the versions tenancy announced ({@code
 * CredentialsChanged}). A token carries the version current when it was issued ({@link #CLAIM});
 * one with an older version was issued before the person's password changed.
 */
public interface CurrentCredentials {

  /** The token claim holding the version the token was issued under. */
  String CLAIM = "credentialsVersion";

  /**
   * Whether a token of {@code person} (the token's subject, an email) issued under {@code version}
   * (the claim's value; null for a token from before versions existed, read as 0) is still good.
   */
  boolean stillCurrent(String person, Object version);

  /** The claim's value as a version: 0 when absent or not a number. */
  static int versionOf(Object claim) {
    return claim instanceof Number number ? number.intValue() : 0;
  }
}
