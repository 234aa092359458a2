package org.improvementhub.tenancy.context;

/** Names of the token claims every service reads. */
public final class HubClaims {

  /** The council a council user belongs to; absent for platform and DfE users. */
  public static final String COUNCIL = "council";

  public static final String ROLES = "roles";

  /** Council slugs a DfE observer may read, or {@code *} for all. */
  public static final String OBSERVER_SCOPE = "observerScope";

  public static final String ALL_COUNCILS = "*";

  private HubClaims() {}
}
