package org.improvementhub.tenancy.context;

/**
 * Where a council is in its life on the platform. Tenancy decides it; every other service learns it
 * from tenancy's events ({@code CouncilStatusChanged}).
 */
public enum CouncilStatus {
  /** Registered, schema created; waiting for every service to migrate its tables. */
  PROVISIONING,
  /** Every required service has its tables in the council's schema. */
  ACTIVE,
  /**
   * Stopped for now by a platform admin (a contract ended, a security incident): its users cannot
   * sign in or use their tokens, no email is sent for it, its data is kept as it is.
   */
  SUSPENDED,
  /**
   * No longer improving on the platform: its data stays readable by everyone, nobody changes it.
   */
  ARCHIVED
}
