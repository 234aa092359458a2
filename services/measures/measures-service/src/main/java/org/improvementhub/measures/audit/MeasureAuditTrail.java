package org.improvementhub.measures.audit;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.improvementhub.audit.AuditActor;
import org.improvementhub.audit.AuditJson;

/**
 * Records a change in the caller's transaction, so an entry exists exactly when the change
 * committed. The actor is the token's subject; work without a request is "system".
 */
@Singleton
public class MeasureAuditTrail {

  private final MeasureAuditEntryRepository entries;
  private final AuditActor actor;
  private final AuditJson json;
  private final Clock clock;

  public MeasureAuditTrail(
      MeasureAuditEntryRepository entries, AuditActor actor, AuditJson json, Clock clock) {
    this.entries = entries;
    this.actor = actor;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Records that {@code change} happened to the record {@code recordType}/{@code recordId} of the
   * measure {@code measureId}; {@code before} and {@code after} are written as JSON (null when the
   * record did not exist before, or no longer does).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      String recordType,
      Object recordId,
      @Nullable UUID measureId,
      String change,
      @Nullable Object before,
      @Nullable Object after) {
    entries.append(
        clock.instant(),
        actor.current(),
        recordType,
        String.valueOf(recordId),
        measureId,
        change,
        json.write(before),
        json.write(after));
  }
}
