package org.improvementhub.plans.audit;

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
import org.improvementhub.audit.AuditJson;
import org.improvementhub.audit.AuditQuery;

/** {@code /councils/{council}/audit}: read only, newest first, a page at a time. */
@Controller("/councils/{council}/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AuditController {

  private final AuditEntryRepository entries;
  private final AuditJson json;

  public AuditController(AuditEntryRepository entries, AuditJson json) {
    this.entries = entries;
    this.json = json;
  }

  @Get
  @Transactional
  public AuditPage list(
      @PathVariable String council,
      @Nullable @QueryValue String recordType,
      @Nullable @QueryValue String recordId,
      @Nullable @QueryValue String actor,
      @Nullable @QueryValue LocalDate from,
      @Nullable @QueryValue LocalDate to,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    AuditQuery query = AuditQuery.of(page, size, recordType, recordId, actor, from, to);
    List<AuditEntryView> items =
        entries
            .page(
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
            query.recordType(), query.recordId(), query.actor(), query.since(), query.until());
    return new AuditPage(items, query.page(), query.size(), total);
  }

  private AuditEntryView view(AuditEntry entry) {
    return new AuditEntryView(
        entry.id(),
        entry.occurredAt(),
        entry.actor(),
        entry.recordType(),
        entry.recordId(),
        entry.change(),
        json.read(entry.before()),
        json.read(entry.after()));
  }

  /** One page of the audit trail. */
  @Serdeable
  public record AuditPage(List<AuditEntryView> items, int page, int size, long total) {}
}
