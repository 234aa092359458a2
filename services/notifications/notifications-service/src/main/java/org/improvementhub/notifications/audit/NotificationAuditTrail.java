package org.improvementhub.notifications.audit;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.improvementhub.audit.AuditActor;
import org.improvementhub.audit.AuditJson;

/**
 * Records a change in the caller's transaction, so an entry exists exactly when the change
 * committed. The actor is the token's subject; work without a request is "system".
 */
@Singleton
public class NotificationAuditTrail {

  private final NotificationAuditEntryRepository entries;
  private final AuditActor actor;
  private final AuditJson json;
  private final Clock clock;

  public NotificationAuditTrail(
      NotificationAuditEntryRepository entries, AuditActor actor, AuditJson json, Clock clock) {
    this.entries = entries;
    this.actor = actor;
    this.json = json;
    this.clock = clock;
  }

  /** Records {@code change} to {@code recordType}/{@code recordId}, before and after as JSON. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      String recordType,
      Object recordId,
      String change,
      @Nullable Object before,
      @Nullable Object after) {
    entries.append(
        clock.instant(),
        actor.current(),
        recordType,
        String.valueOf(recordId),
        change,
        json.write(before),
        json.write(after));
  }
}
