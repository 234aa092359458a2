package org.improvementhub.notifications.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.improvementhub.web.problem.ProblemException;

/**
 * {@code GET /councils/{council}/audit}: the council's notifications trail, read as the plans trail
 * is (anyone the council filter lets read the council); {@code GET /audit}: the platform-wide
 * changes (bank holidays), for platform admins.
 */
@Controller
public class NotificationAuditController {

  private static final int MAX_PAGE_SIZE = 200;

  private final NotificationAuditEntryRepository entries;
  private final PlatformAuditTrail platform;
  private final JsonMapper json;

  public NotificationAuditController(
      NotificationAuditEntryRepository entries, PlatformAuditTrail platform, JsonMapper json) {
    this.entries = entries;
    this.platform = platform;
    this.json = json;
  }

  @Get("/councils/{council}/audit")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @Transactional
  public NotificationAuditPage council(
      @PathVariable String council,
      @Nullable @QueryValue String recordType,
      @Nullable @QueryValue String recordId,
      @Nullable @QueryValue String actor,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    int pageNumber = pageNumber(page);
    int pageSize = pageSize(size);
    String type = blankToNull(recordType);
    String record = blankToNull(recordId);
    String who = blankToNull(actor);
    List<NotificationAuditEntryView> items =
        entries.page(type, record, who, pageSize, (long) pageNumber * pageSize).stream()
            .map(this::view)
            .toList();
    return new NotificationAuditPage(items, pageNumber, pageSize, entries.count(type, record, who));
  }

  @Get("/audit")
  @Secured("PLATFORM_ADMIN")
  public NotificationAuditPage platform(
      @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
    return platform.page(pageNumber(page), pageSize(size));
  }

  private static int pageNumber(Integer page) {
    int pageNumber = page == null ? 0 : page;
    if (pageNumber < 0) {
      throw ProblemException.invalidField("page", "must be 0 or more");
    }
    return pageNumber;
  }

  private static int pageSize(Integer size) {
    int pageSize = size == null ? 50 : size;
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw ProblemException.invalidField("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    return pageSize;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private NotificationAuditEntryView view(NotificationAuditEntry entry) {
    return new NotificationAuditEntryView(
        entry.id(),
        entry.occurredAt(),
        entry.actor(),
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
}
