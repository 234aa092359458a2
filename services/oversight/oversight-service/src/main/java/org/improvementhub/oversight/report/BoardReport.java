package org.improvementhub.oversight.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.improvementhub.oversight.summary.RagCount;

/** An Improvement Board report's content, exactly as issued. */
@Serdeable
public record BoardReport(
    String council,
    String councilName,
    String period,
    String periodLabel,
    @Nullable Instant issuedAt,
    @Nullable String issuedBy,
    long totalActions,
    List<RagCount> ragSummary,
    List<ReportedAction> exceptions,
    List<ReportedAction> overdue,
    List<RagChange> changesSinceLastReport,
    List<ReportedAction> actions) {

  /** One action as the report shows it. */
  @Serdeable
  public record ReportedAction(
      String ref,
      String title,
      String ragStatus,
      LocalDate dueDate,
      @Nullable String note,
      long daysOverdue) {}

  /** An action whose RAG moved since the previous issued report (or that is new). */
  @Serdeable
  public record RagChange(String ref, String title, @Nullable String from, String to) {}

  BoardReport issued(Instant at, String by) {
    return new BoardReport(
        council,
        councilName,
        period,
        periodLabel,
        at,
        by,
        totalActions,
        ragSummary,
        exceptions,
        overdue,
        changesSinceLastReport,
        actions);
  }
}
