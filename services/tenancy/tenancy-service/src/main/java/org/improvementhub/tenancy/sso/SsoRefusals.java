package org.improvementhub.tenancy.sso;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.improvementhub.tenancy.audit.TenancyAuditTrail;

/**
 * Records in the tenancy audit trail that a council's single sign-on was refused for where its
 * issuer leads: a host that resolves inside the platform's network, or one not on the platform's
 * allow-list. Such a save is how someone would try to make tenancy call an inside address, so who
 * tried, when, which issuer and why are kept although nothing was saved. In a transaction of its
 * own: the refused save's transaction is rolled back.
 */
@Singleton
class SsoRefusals {

  static final String CHANGE = "REFUSED";

  private final TenancyAuditTrail audit;

  SsoRefusals(TenancyAuditTrail audit) {
    this.audit = audit;
  }

  /** What was refused: the issuer asked for and the reason given to the caller. */
  @Serdeable
  record RefusedIssuer(String issuer, String reason) {}

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void issuerRefused(String council, String changedBy, String issuer, String reason) {
    audit.record(
        changedBy,
        council,
        "sso-settings",
        council,
        CHANGE,
        null,
        new RefusedIssuer(issuer, reason));
  }
}
