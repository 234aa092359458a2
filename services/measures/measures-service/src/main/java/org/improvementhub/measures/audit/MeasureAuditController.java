package org.improvementhub.measures.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.improvementhub.web.problem.ProblemException;

/**
 * {@code /councils/{council}/audit}: the council's measures trail, read only, newest first, a page
 * at a time, filtered by measure, record, actor or days. Read as the plans trail is: anyone the
 * council filter lets read the council (its own people, observers in scope); writes never.
 */
@Controller("/councils/{council}/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeasureAuditController {

  private static final int MAX_PAGE_SIZE = 200;
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final MeasureAuditEntryRepository entries;
  private final JsonMapper json;

  public MeasureAuditController(MeasureAuditEntryRepository entries, JsonMapper json) {
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
    int pageNumber = page == null ? 0 : page;
    int pageSize = size == null ? 50 : size;
    if (pageNumber < 0) {
      throw ProblemException.invalidField("page", "must be 0 or more");
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw ProblemException.invalidField("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw ProblemException.invalidField("to", "must not be before from");
    }
    String type = blankToNull(recordType);
    String record = blankToNull(recordId);
    String who = blankToNull(actor);
    // whole days in the UK, where councils read their trail: from its first moment to the next day
    Instant since = from == null ? null : from.atStartOfDay(UK).toInstant();
    Instant until = to == null ? null : to.plusDays(1).atStartOfDay(UK).toInstant();
    List<MeasureAuditEntryView> items =
        entries
            .page(
                measureId, type, record, who, since, until, pageSize, (long) pageNumber * pageSize)
            .stream()
            .map(this::view)
            .toList();
    return new MeasureAuditPage(
        items, pageNumber, pageSize, entries.count(measureId, type, record, who, since, until));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
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

  /** One page of the measures audit trail. */
  @Serdeable
  public record MeasureAuditPage(
      List<MeasureAuditEntryView> items, int page, int size, long total) {}
}
