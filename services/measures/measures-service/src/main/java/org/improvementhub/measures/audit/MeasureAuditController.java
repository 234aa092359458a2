package org.improvementhub.measures.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.improvementhub.audit.AuditJson;
import org.improvementhub.audit.AuditQuery;

/**
 * {@code /councils/{council}/audit}: the council's measures trail, read only, newest first, a page
 * at a time, filtered by measure, record, actor or days. Read as the plans trail is: anyone the
 * council filter lets read the council (its own people, observers in scope); writes never.
 */
@Controller("/councils/{council}/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeasureAuditController {

  private final MeasureAuditEntryRepository entries;
  private final AuditJson json;

  public MeasureAuditController(MeasureAuditEntryRepository entries, AuditJson json) {
    this.entries = entries;
    this.json = json;
  }

  @Get
  @Transactional
  public MeasureAuditPage list(
      @PathVariable String council,
      @Nullable @QueryValue UUID measureId,
      @Nullable @QueryValue String recordType,
      @Nullable @QueryValue String recordId,
      @Nullable @QueryValue String actor,
      @Nullable @QueryValue LocalDate from,
      @Nullable @QueryValue LocalDate to,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    AuditQuery query = AuditQuery.of(page, size, recordType, recordId, actor, from, to);
    List<MeasureAuditEntryView> items =
        entries
            .page(
                measureId,
                query.recordType(),
                query.recordId(),
                query.actor(),
                query.since(),
                query.until(),
                query.size(),
                query.offset())
            .stream()
            .map(this::view)
            .toList();
    long total =
        entries.count(
            measureId,
            query.recordType(),
            query.recordId(),
            query.actor(),
            query.since(),
            query.until());
    return new MeasureAuditPage(items, query.page(), query.size(), total);
  }

  private MeasureAuditEntryView view(MeasureAuditEntry entry) {
    return new MeasureAuditEntryView(
        entry.id(),
        entry.occurredAt(),
        entry.actor(),
        entry.recordType(),
        entry.recordId(),
        entry.measureId(),
        entry.change(),
        json.read(entry.before()),
        json.read(entry.after()));
  }

  /** One page of the measures audit trail. */
  @Serdeable
  public record MeasureAuditPage(
      List<MeasureAuditEntryView> items, int page, int size, long total) {}
}
