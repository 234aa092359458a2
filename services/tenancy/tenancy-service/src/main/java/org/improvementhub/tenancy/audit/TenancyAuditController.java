package org.improvementhub.tenancy.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.transaction.Transactional;
import java.util.List;
import org.improvementhub.audit.AuditJson;
import org.improvementhub.audit.AuditQuery;
import org.improvementhub.tenancy.context.CouncilAccess;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;

/**
 * The tenancy trail, newest first, a page at a time: {@code GET /audit} (platform admins: every
 * entry, or one council's with {@code ?council=}) and {@code GET /councils/{council}/audit} (that
 * council's entries: its own admin, or a platform admin). As for the council's users, another
 * council's admin gets 404 and everyone else 403; observers and board members read no user admin.
 */
@Controller
public class TenancyAuditController {

  private final TenancyAuditEntryRepository entries;
  private final AuditJson json;

  public TenancyAuditController(TenancyAuditEntryRepository entries, AuditJson json) {
    this.entries = entries;
    this.json = json;
  }

  @Get("/audit")
  @Secured("PLATFORM_ADMIN")
  @Transactional
  public TenancyAuditPage platform(
      @Nullable @QueryValue String council,
      @Nullable @QueryValue String recordType,
      @Nullable @QueryValue String recordId,
      @Nullable @QueryValue String actor,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    return page(AuditQuery.filter(council), recordType, recordId, actor, page, size);
  }

  @Get("/councils/{council}/audit")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN"})
  @Transactional
  public TenancyAuditPage council(
      @PathVariable String council,
      @Nullable @QueryValue String recordType,
      @Nullable @QueryValue String recordId,
      @Nullable @QueryValue String actor,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size,
      Authentication caller) {
    CouncilSlug slug =
        CouncilSlug.parse(council)
            .filter(
                found ->
                    CouncilAccess.decide(caller, found, false) == CouncilAccess.Decision.ALLOWED)
            .orElseThrow(() -> ProblemException.notFound("Council '" + council + "'"));
    return page(slug.value(), recordType, recordId, actor, page, size);
  }

  private TenancyAuditPage page(
      String council,
      String recordType,
      String recordId,
      String actor,
      Integer page,
      Integer size) {
    // NUL cannot reach PostgreSQL's text (TenancyFuzzIT: ?council=%00 was a 500)
    AuditQuery.filter("council", council);
    AuditQuery query = AuditQuery.of(page, size, recordType, recordId, actor);
    List<TenancyAuditEntryView> items =
        entries
            .page(
                council,
                query.recordType(),
                query.recordId(),
                query.actor(),
                query.size(),
                query.offset())
            .stream()
            .map(this::view)
            .toList();
    long total = entries.count(council, query.recordType(), query.recordId(), query.actor());
    return new TenancyAuditPage(items, query.page(), query.size(), total);
  }

  private TenancyAuditEntryView view(TenancyAuditEntry entry) {
    return new TenancyAuditEntryView(
        entry.id(),
        entry.occurredAt(),
        entry.actor(),
        entry.council(),
        entry.recordType(),
        entry.recordId(),
        entry.change(),
        json.read(entry.before()),
        json.read(entry.after()));
  }

  /** One page of the tenancy audit trail. */
  @Serdeable
  public record TenancyAuditPage(
      List<TenancyAuditEntryView> items, int page, int size, long total) {}
}
