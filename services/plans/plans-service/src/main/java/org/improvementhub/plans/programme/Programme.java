package org.improvementhub.plans.programme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.improvementhub.plans.events.PlanPerson;

/** A council's improvement programme. */
@MappedEntity("programme")
public record Programme(
    @Id @AutoPopulated UUID id,
    String name,
    TriggerKind triggerKind,
    @Nullable LocalDate triggerDate,
    @Nullable String triggerJudgement,
    @Nullable String triggerDescription,
    @Nullable String improvementBoard,
    ReportingCadence reportingCadence,
    String managerName,
    String managerEmail,
    @TypeDef(type = DataType.STRING_ARRAY) String[] levelNames,
    LocalDate startDate,
    @Nullable LocalDate endDate,
    @Nullable String blueMeans,
    @Nullable String greenMeans,
    @Nullable String amberMeans,
    @Nullable String redMeans,
    @Nullable String greyMeans,
    @DateCreated Instant createdAt,
    @DateUpdated Instant updatedAt,
    @Version Long version) {

  /** When a programme has no end date, periods run this far past its start. */
  private static final int OPEN_ENDED_MONTHS = 36;

  public PlanPerson manager() {
    return new PlanPerson(managerName, managerEmail, "Programme manager");
  }

  public int levelCount() {
    return levelNames.length;
  }

  /** The programme's reporting periods, from its start month to its end (or three years on). */
  public List<ReportingPeriod> periods() {
    YearMonth first = YearMonth.from(startDate);
    YearMonth last =
        endDate == null ? first.plusMonths(OPEN_ENDED_MONTHS - 1L) : YearMonth.from(endDate);
    List<ReportingPeriod> periods = new ArrayList<>();
    for (YearMonth month = first;
        !month.isAfter(last);
        month = month.plusMonths(reportingCadence.months())) {
      periods.add(ReportingPeriod.starting(month, reportingCadence));
    }
    return periods;
  }

  /** Whether {@code key} ({@code YYYY-MM}) is one of this programme's periods. */
  public boolean hasPeriod(String key) {
    return periods().stream().anyMatch(period -> period.key().equals(key));
  }
}
