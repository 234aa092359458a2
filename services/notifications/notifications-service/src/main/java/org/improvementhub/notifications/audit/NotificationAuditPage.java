package org.improvementhub.notifications.audit;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of an audit trail, newest first. */
@Serdeable
public record NotificationAuditPage(
    List<NotificationAuditEntryView> items, int page, int size, long total) {}
