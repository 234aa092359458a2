package org.improvementhub.plans.transfer;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import org.improvementhub.plans.action.NewAction;
import org.improvementhub.plans.action.RagStatus;
import org.improvementhub.plans.driver.DriverKind;
import org.improvementhub.plans.driver.DriverTimeframe;
import org.improvementhub.plans.programme.ProgrammeRequest;

/** A plan file that passed every check, ready to be stored. */
record ImportedPlan(
    ProgrammeRequest programme,
    List<Item> items,
    List<Driver> drivers,
    List<Action> actions,
    List<Progress> progress) {

  /** An item above the actions; {@code depth} 0 is the top level. */
  record Item(
      String ref,
      @Nullable String parentRef,
      int depth,
      String title,
      @Nullable String description,
      @Nullable String successCriteria,
      @Nullable String owner) {}

  record Driver(
      String ref,
      DriverKind kind,
      String title,
      @Nullable String description,
      @Nullable DriverTimeframe timeframe) {}

  /** An action; {@code rag} is its current RAG (from its latest progress report, if any). */
  record Action(
      String ref,
      @Nullable String parentRef,
      String title,
      @Nullable String description,
      @Nullable String successCriteria,
      List<NewAction.Lead> leads,
      @Nullable LocalDate startDate,
      LocalDate dueDate,
      @Nullable LocalDate revisedDueDate,
      @Nullable String revisionReason,
      @Nullable LocalDate completedOn,
      RagStatus rag,
      List<String> driverRefs,
      List<String> evidence) {}

  record Progress(
      String actionRef,
      String period,
      RagStatus rag,
      @Nullable String note,
      String reportedBy,
      @Nullable LocalDate reportedOn) {}
}
