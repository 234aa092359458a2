package org.improvementhub.plans.programme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
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
    @MappedProperty("id") @Id @AutoPopulated UUID id,
    @MappedProperty("name") String name,
    @MappedProperty("trigger_kind") TriggerKind triggerKind,
    @MappedProperty("trigger_date") @Nullable LocalDate triggerDate,
    @MappedProperty("trigger_judgement") @Nullable String triggerJudgement,
    @MappedProperty("trigger_description") @Nullable String triggerDescription,
    @MappedProperty("improvement_board") @Nullable String improvementBoard,
    @MappedProperty("reporting_cadence") ReportingCadence reportingCadence,
    @MappedProperty("manager_name") String managerName,
    @MappedProperty("manager_email") String managerEmail,
    @MappedProperty("level_names") @TypeDef(type = DataType.STRING_ARRAY) String[] levelNames,
    @MappedProperty("start_date") LocalDate startDate,
    @MappedProperty("end_date") @Nullable LocalDate endDate,
    @MappedProperty("blue_means") @Nullable String blueMeans,
    @MappedProperty("green_means") @Nullable String greenMeans,
    @MappedProperty("amber_means") @Nullable String amberMeans,
    @MappedProperty("red_means") @Nullable String redMeans,
    @MappedProperty("grey_means") @Nullable String greyMeans,
    @MappedProperty("created_at") @DateCreated Instant createdAt,
    @MappedProperty("updated_at") @DateUpdated Instant updatedAt,
    @MappedProperty("version") @Version Long version) {

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
