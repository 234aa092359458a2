package org.improvementhub.tenancy.signin;

/** What failed sign-ins are counted against. */
public enum ThrottledKind {
  /** The email typed, lower-case: an account, or an address nobody has. */
  ACCOUNT,
  /** The client's network address. */
  ADDRESS
}
