package org.improvementhub.notifications.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tracked actions of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TrackedActionRepository extends GenericRepository<TrackedAction, UUID> {

  Optional<TrackedAction> findById(UUID actionId);

  /** Every action neither completed nor withdrawn: the ones the schedule may still email about. */
  @Query(
      value =
          "SELECT * FROM tracked_action WHERE completed_on IS NULL AND withdrawn_on IS NULL"
              + " ORDER BY due_date, ref",
      nativeQuery = true)
  List<TrackedAction> findOpen();

  /**
   * Records the whole action as a snapshot describes it; the last review note is kept, and so is a
   * withdrawal (final in plans), whatever a later snapshot without it says.
   */
  @Query(
      "INSERT INTO tracked_action (action_id, ref, title, leads, start_date, due_date, rag_status,"
          + " completed_on, withdrawn_on, programme_id, programme_manager_name, programme_manager_email,"
          + " updated_at) VALUES (:actionId, :ref, :title, CAST(:leads AS jsonb), :startDate,"
          + " :dueDate, :ragStatus, :completedOn, :withdrawnOn, :programmeId, :managerName,"
          + " :managerEmail, :now)"
          + " ON CONFLICT (action_id) DO UPDATE SET ref = EXCLUDED.ref, title = EXCLUDED.title,"
          + " leads = EXCLUDED.leads, start_date = EXCLUDED.start_date,"
          + " due_date = EXCLUDED.due_date, rag_status = EXCLUDED.rag_status,"
          + " completed_on = EXCLUDED.completed_on, withdrawn_on ="
          + " COALESCE(EXCLUDED.withdrawn_on, tracked_action.withdrawn_on),"
          + " programme_id = EXCLUDED.programme_id,"
          + " programme_manager_name = EXCLUDED.programme_manager_name,"
          + " programme_manager_email = EXCLUDED.programme_manager_email,"
          + " updated_at = EXCLUDED.updated_at")
  void saveSnapshot(
      UUID actionId,
      String ref,
      String title,
      String leads,
      @Nullable LocalDate startDate,
      LocalDate dueDate,
      @Nullable String ragStatus,
      @Nullable LocalDate completedOn,
      @Nullable LocalDate withdrawnOn,
      @Nullable UUID programmeId,
      @Nullable String managerName,
      @Nullable String managerEmail,
      Instant now);

  /**
   * Records what an older event (no snapshot) says: ref, title, one lead, due date and RAG; what it
   * does not say (start, programme manager, completion) is kept.
   */
  @Query(
      "INSERT INTO tracked_action (action_id, ref, title, leads, due_date, rag_status, updated_at)"
          + " VALUES (:actionId, :ref, :title, CAST(:leads AS jsonb), :dueDate, :ragStatus, :now)"
          + " ON CONFLICT (action_id) DO UPDATE SET ref = EXCLUDED.ref, title = EXCLUDED.title,"
          + " leads = EXCLUDED.leads, due_date = EXCLUDED.due_date,"
          + " rag_status = EXCLUDED.rag_status, updated_at = EXCLUDED.updated_at")
  void saveSummary(
      UUID actionId,
      String ref,
      String title,
      String leads,
      LocalDate dueDate,
      @Nullable String ragStatus,
      Instant now);

  @Query(
      "UPDATE tracked_action SET last_note = :note, last_note_period = :period, updated_at = :now"
          + " WHERE action_id = :actionId")
  void saveNote(UUID actionId, @Nullable String note, @Nullable String period, Instant now);
}
