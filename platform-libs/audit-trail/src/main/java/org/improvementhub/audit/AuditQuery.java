package org.improvementhub.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.improvementhub.web.problem.ProblemException;

/**
 * What a reader asks of an audit trail: a page (from 0) of {@code size} entries, newest first,
 * filtered by record type, record id, actor and whole days. Built from the query parameters as the
 * caller wrote them: a missing or blank filter filters nothing, and a bad page, size or day range
 * is a problem naming that parameter.
 *
 * @param since the first instant of {@code from}, or null
 * @param until the first instant of the day after {@code to}, or null
 */
public record AuditQuery(
    int page,
    int size,
    @Nullable String recordType,
    @Nullable String recordId,
    @Nullable String actor,
    @Nullable Instant since,
    @Nullable Instant until) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  // whole days in the UK, where councils read their trail
  private static final ZoneId UK = ZoneId.of("Europe/London");

  /** A page of the whole trail, unfiltered. */
  public static AuditQuery of(@Nullable Integer page, @Nullable Integer size) {
    return of(page, size, null, null, null, null, null);
  }

  /** A page filtered by record and actor, over all days. */
  public static AuditQuery of(
      @Nullable Integer page,
      @Nullable Integer size,
      @Nullable String recordType,
      @Nullable String recordId,
      @Nullable String actor) {
    return of(page, size, recordType, recordId, actor, null, null);
  }

  /** A page filtered by record, actor and the days {@code from} to {@code to}, both included. */
  public static AuditQuery of(
      @Nullable Integer page,
      @Nullable Integer size,
      @Nullable String recordType,
      @Nullable String recordId,
      @Nullable String actor,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {
    int pageNumber = page == null ? 0 : page;
    int pageSize = size == null ? DEFAULT_SIZE : size;
    if (pageNumber < 0) {
      throw ProblemException.invalidField("page", "must be 0 or more");
    }
    if (pageSize < 1 || pageSize > MAX_SIZE) {
      throw ProblemException.invalidField("size", "must be between 1 and " + MAX_SIZE);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw ProblemException.invalidField("to", "must not be before from");
    }
    return new AuditQuery(
        pageNumber,
        pageSize,
        filter("recordType", recordType),
        filter("recordId", recordId),
        filter("actor", actor),
        from == null ? null : from.atStartOfDay(UK).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(UK).toInstant());
  }

  /** A filter as the caller wrote it, stripped; blank or missing is no filter (null). */
  public static @Nullable String filter(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /**
   * A filter named {@code parameter}, as {@link #filter(String)}; NUL is refused, naming it, as
   * PostgreSQL's text cannot hold it (TenancyFuzzIT: {@code ?recordType=%00} was a 500).
   */
  public static @Nullable String filter(String parameter, @Nullable String text) {
    if (text != null && text.indexOf('\u0000') >= 0) {
      throw ProblemException.invalidField(parameter, "must not hold the NUL character");
    }
    return filter(text);
  }

  /** How many entries come before this page. */
  public long offset() {
    return (long) page * size;
  }
}
