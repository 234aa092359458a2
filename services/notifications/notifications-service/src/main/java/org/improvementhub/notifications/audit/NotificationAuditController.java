package org.improvementhub.notifications.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.transaction.Transactional;
import java.util.List;
import org.improvementhub.audit.AuditJson;
import org.improvementhub.audit.AuditQuery;

/**
 * {@code GET /councils/{council}/audit}: the council's notifications trail, read as the plans trail
 * is (anyone the council filter lets read the council); {@code GET /audit}: the platform-wide
 * changes (bank holidays), for platform admins.
 */
@Controller
public class NotificationAuditController {

  private final NotificationAuditEntryRepository entries;
  private final PlatformAuditTrail platform;
  private final AuditJson json;

  public NotificationAuditController(
      NotificationAuditEntryRepository entries, PlatformAuditTrail platform, AuditJson json) {
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
    AuditQuery query = AuditQuery.of(page, size, recordType, recordId, actor);
    List<NotificationAuditEntryView> items =
        entries
            .page(query.recordType(), query.recordId(), query.actor(), query.size(), query.offset())
            .stream()
            .map(this::view)
            .toList();
    long total = entries.count(query.recordType(), query.recordId(), query.actor());
    return new NotificationAuditPage(items, query.page(), query.size(), total);
  }

  @Get("/audit")
  @Secured("PLATFORM_ADMIN")
  public NotificationAuditPage platform(
      @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
    return platform.page(AuditQuery.of(page, size));
  }

  private NotificationAuditEntryView view(NotificationAuditEntry entry) {
    return new NotificationAuditEntryView(
        entry.id(),
        entry.occurredAt(),
        entry.actor(),
        entry.recordType(),
        entry.recordId(),
        entry.change(),
        json.read(entry.before()),
        json.read(entry.after()));
  }
}
