package org.improvementhub.testsupport.matrix;

/**
 * Someone calling a route: a name for the printed matrix, the token they send (null for none) and
 * what they are, which decides what they should get.
 */
record Caller(String name, String token, Kind kind, String role) {

  enum Kind {
    /** A person of the council the path names, with {@link #role}. */
    OWN_COUNCIL,
    /** A person of another council. */
    OTHER_COUNCIL,
    /** A DfE observer whose scope holds the council. */
    OBSERVER_IN_SCOPE,
    /** A DfE observer whose scope does not. */
    OBSERVER_OUT_OF_SCOPE,
    /** No token, or one no service should accept. */
    UNAUTHENTICATED
  }
}
