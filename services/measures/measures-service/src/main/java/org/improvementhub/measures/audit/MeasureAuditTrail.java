package org.improvementhub.measures.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.UUID;

/**
 * Records a change in the caller's transaction, so an entry exists exactly when the change
 * committed. The actor is the token's subject; work without a request is "system".
 */
@Singleton
public class MeasureAuditTrail {

  private final MeasureAuditEntryRepository entries;
  private final SecurityService security;
  private final JsonMapper json;
  private final Clock clock;

  public MeasureAuditTrail(
      MeasureAuditEntryRepository entries, SecurityService security, JsonMapper json, Clock clock) {
    this.entries = entries;
    this.security = security;
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
        security.username().orElse("system"),
        recordType,
        String.valueOf(recordId),
        measureId,
        change,
        toJson(before),
        toJson(after));
  }

  private String toJson(Object value) {
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
