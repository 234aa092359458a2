package org.improvementhub.tenancy.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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

  private static final int MAX_PAGE_SIZE = 200;

  private final TenancyAuditEntryRepository entries;
  private final JsonMapper json;

  public TenancyAuditController(TenancyAuditEntryRepository entries, JsonMapper json) {
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
    return page(blankToNull(council), recordType, recordId, actor, page, size);
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
    int pageNumber = page == null ? 0 : page;
    int pageSize = size == null ? 50 : size;
    if (pageNumber < 0) {
      throw ProblemException.invalidField("page", "must be 0 or more");
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw ProblemException.invalidField("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    // NUL cannot reach PostgreSQL's text (TenancyFuzzIT: ?council=%00 was a 500)
    withoutNul("council", council);
    withoutNul("recordType", recordType);
    withoutNul("recordId", recordId);
    withoutNul("actor", actor);
    String type = blankToNull(recordType);
    String record = blankToNull(recordId);
    String who = blankToNull(actor);
    List<TenancyAuditEntryView> items =
        entries.page(council, type, record, who, pageSize, (long) pageNumber * pageSize).stream()
            .map(this::view)
            .toList();
    return new TenancyAuditPage(
        items, pageNumber, pageSize, entries.count(council, type, record, who));
  }

  private static void withoutNul(String parameter, String value) {
    if (value != null && value.indexOf('\u0000') >= 0) {
      throw ProblemException.invalidField(parameter, "must not hold the NUL character");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
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
        parse(entry.before()),
        parse(entry.after()));
  }

  private JsonNode parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, JsonNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One page of the tenancy audit trail. */
  @Serdeable
  public record TenancyAuditPage(
      List<TenancyAuditEntryView> items, int page, int size, long total) {}
}
