package org.improvementhub.plans.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.improvementhub.plans.documents.Origin;

/**
 * What a newer version of a council's Word plan changes in the programme it was uploaded against:
 * actions it adds, actions whose fields it changes (title, dates, leads, description, measures of
 * success, drivers: old and new value beside the cell's own text), actions of the plan it no longer
 * lists, the progress reports its new RAGs and status notes propose for the period, and the same
 * for the items of the tree above the actions. Nothing here is saved until the proposal is applied.
 *
 * @param basis a fingerprint of the programme's actions when the diff was made; apply refuses (409)
 *     when the programme has changed since
 * @param period the reporting period the proposed progress reports are for
 * @param removedKept what happens to {@code removed} by default: they stay in the plan
 */
@Serdeable
public record PlanDiff(
    UUID programmeId,
    String basis,
    String period,
    List<Added> added,
    List<Changed> changed,
    List<Removed> removed,
    List<Progress> progress,
    String removedKept,
    @Nullable List<AddedItem> addedItems,
    @Nullable List<ChangedItem> changedItems,
    @Nullable List<RemovedItem> removedItems) {

  /** Empty lists are left out of the stored JSON; read back, they are empty again. */
  public PlanDiff {
    added = added == null ? List.of() : added;
    changed = changed == null ? List.of() : changed;
    removed = removed == null ? List.of() : removed;
    progress = progress == null ? List.of() : progress;
    addedItems = addedItems == null ? List.of() : addedItems;
    changedItems = changedItems == null ? List.of() : changedItems;
    removedItems = removedItems == null ? List.of() : removedItems;
  }

  /**
   * An item of the tree (a theme, priority, outcome…) the document has and the plan does not; it is
   * added, before the actions under it, when the diff is applied.
   */
  @Serdeable
  public record AddedItem(
      String ref,
      @Nullable String parentRef,
      String title,
      @Nullable String description,
      @Nullable String successCriteria,
      @Nullable String owner,
      Origin origin) {}

  /** An item the plan and the document both have, with the fields that differ. */
  @Serdeable
  public record ChangedItem(String ref, UUID itemId, List<Field> fields, Origin origin) {}

  /**
   * An item of the plan the document no longer lists. Items are never removed by a re-upload: the
   * actions under them, and their history, would go with them.
   */
  @Serdeable
  public record RemovedItem(String ref, UUID itemId, String title) {}

  /**
   * An action in the document that the plan does not have; {@code rag} and {@code note} (when the
   * document gives a review note with the RAG) become its first progress report for the period.
   *
   * @param problem why it cannot be added as it is (its parent is not in the plan), or null
   */
  @Serdeable
  public record Added(
      String ref,
      @Nullable String parentRef,
      String title,
      LocalDate dueDate,
      List<String> leads,
      @Nullable String rag,
      @Nullable String note,
      Origin origin,
      @Nullable String problem) {}

  /** A field of an action whose document text differs from the plan. */
  @Serdeable
  public record Field(String field, String before, String after, String original) {}

  /** An action the plan and the document both have, with the fields that differ. */
  @Serdeable
  public record Changed(String ref, UUID actionId, List<Field> fields, Origin origin) {}

  /** An action of the plan that the document no longer lists. */
  @Serdeable
  public record Removed(String ref, UUID actionId, String title) {}

  /** A progress report the document's RAG or status text proposes for the period. */
  @Serdeable
  public record Progress(
      String ref,
      UUID actionId,
      String period,
      String ragBefore,
      String rag,
      @Nullable String note,
      String original,
      Origin origin) {}
}
