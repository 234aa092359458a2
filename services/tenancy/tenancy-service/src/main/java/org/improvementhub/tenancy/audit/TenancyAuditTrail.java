package org.improvementhub.tenancy.audit;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.improvementhub.audit.AuditActor;
import org.improvementhub.audit.AuditJson;

/**
 * Records a change in the caller's transaction, so an entry exists exactly when the change
 * committed. The actor is the token's subject (the person's email); work without a request is
 * "system".
 */
@Singleton
public class TenancyAuditTrail {

  private final TenancyAuditEntryRepository entries;
  private final AuditActor actor;
  private final AuditJson json;
  private final Clock clock;

  public TenancyAuditTrail(
      TenancyAuditEntryRepository entries, AuditActor actor, AuditJson json, Clock clock) {
    this.entries = entries;
    this.actor = actor;
    this.json = json;
    this.clock = clock;
  }

  /** As {@link #record(String, String, String, Object, String, Object, Object)} by the caller. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      @Nullable String council,
      String recordType,
      Object recordId,
      String change,
      @Nullable Object before,
      @Nullable Object after) {
    record(actor.current(), council, recordType, recordId, change, before, after);
  }

  /**
   * Records that {@code actor} made {@code change} to {@code recordType}/{@code recordId} of {@code
   * council} (null for the platform's own records); {@code before} and {@code after} are written as
   * JSON, null when the record did not exist before.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      String actor,
      @Nullable String council,
      String recordType,
      Object recordId,
      String change,
      @Nullable Object before,
      @Nullable Object after) {
    entries.append(
        clock.instant(),
        actor,
        council,
        recordType,
        String.valueOf(recordId),
        change,
        json.write(before),
        json.write(after));
  }
}
