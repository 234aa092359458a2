package org.improvementhub.plans.action;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A progress report as the API shows it. */
@Serdeable
public record ProgressReportView(
    UUID id,
    String period,
    RagStatus ragStatus,
    String note,
    String reportedBy,
    Instant reportedAt) {

  static ProgressReportView of(ActionProgressReport report) {
    return new ProgressReportView(
        report.id(),
        report.period(),
        report.ragStatus(),
        report.note(),
        report.reportedBy(),
        report.reportedAt());
  }
}
