package org.improvementhub.tenancy.council;

/** Where a council is in its life on the platform. */
public enum CouncilStatus {
  /** Registered, schema created; waiting for every service to migrate its tables. */
  PROVISIONING,
  /** Every required service has its tables in the council's schema. */
  ACTIVE,
  SUSPENDED,
  ARCHIVED
}
