package org.improvementhub.notifications.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Records a change in the caller's transaction, so an entry exists exactly when the change
 * committed. The actor is the token's subject; work without a request is "system".
 */
@Singleton
public class NotificationAuditTrail {

  private final NotificationAuditEntryRepository entries;
  private final SecurityService security;
  private final JsonMapper json;
  private final Clock clock;

  public NotificationAuditTrail(
      NotificationAuditEntryRepository entries,
      SecurityService security,
      JsonMapper json,
      Clock clock) {
    this.entries = entries;
    this.security = security;
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
        actor(),
        recordType,
        String.valueOf(recordId),
        change,
        json(before),
        json(after));
  }

  /** Who is making the current change. */
  public String actor() {
    return security.username().orElse("system");
  }

  /** {@code value} as the trail keeps it. */
  public String json(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
