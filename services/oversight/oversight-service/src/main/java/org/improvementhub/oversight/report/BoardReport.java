package org.improvementhub.oversight.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
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
    List<ReportedAction> actions,
    @Nullable String previousPeriod,
    @Nullable List<RagMovement> changeSincePreviousPeriod,
    @Nullable List<ReportedMeasure> measures,
    @Nullable List<ReportedDriver> driversWithoutActions) {

  /**
   * One action as the report shows it.
   *
   * @param planItem the plan item it sits under, as its ref and title ({@code 2.1 Early help})
   */
  @Serdeable
  public record ReportedAction(
      String ref,
      String title,
      String ragStatus,
      LocalDate dueDate,
      @Nullable String note,
      long daysOverdue,
      @Nullable String planItem) {}

  /** An action whose RAG moved since the previous issued report (or that is new). */
  @Serdeable
  public record RagChange(String ref, String title, @Nullable String from, String to) {}

  /**
   * How many actions stood at a RAG status at the end of the previous period and at the end of this
   * one.
   */
  @Serdeable
  public record RagMovement(String status, long previous, long now, long change) {}

  /**
   * A measure's latest value in or before the period (a key performance indicator).
   *
   * @param target the target in force, or null for a band measure (see lower and upper) or none
   * @param status GREEN, AMBER, RED or GREY
   * @param trend IMPROVING, WORSENING, NO_CHANGE, UP or DOWN (a band measure), or FIRST_VALUE
   */
  @Serdeable
  public record ReportedMeasure(
      String name,
      @Nullable String unit,
      String period,
      @Nullable BigDecimal target,
      @Nullable BigDecimal lower,
      @Nullable BigDecimal upper,
      BigDecimal actual,
      String status,
      @Nullable BigDecimal previous,
      String trend) {}

  /** A driver of the plan that no action answers yet. */
  @Serdeable
  public record ReportedDriver(String ref, String title, String kind, @Nullable String timeframe) {}

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
        actions,
        previousPeriod,
        changeSincePreviousPeriod,
        measures,
        driversWithoutActions);
  }
}
