package org.improvementhub.plans.action;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.plans.action.ImprovementActions.ActionPage;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * One page of a council's actions as the API lists them, read with plain JDBC on the caller's
 * transaction: the page and its total in one statement ({@code count(*) OVER ()}), the page's leads
 * in a second, columns by position, straight into {@link ActionView}s.
 *
 * <p>Why not the repository: the list is read again at every plan revision, and every progress
 * report moves the revision; mapping each row through Micronaut Data's entity mapper (annotation
 * metadata looked up per column and row) and then again into the view was, with the plan tree's
 * same mapping, the largest part of the plans service's CPU under the session 9 soak. {@code
 * ActionProgressIT} checks the filters, and every listed item against the one-action answer, which
 * the repository still reads.
 */
@Singleton
class ActionPages {

  /**
   * Every filter, each one off when its parameter is null (the repository's WHERE, by position).
   */
  private static final String WHERE =
      " WHERE (CAST(? AS uuid) IS NULL OR a.programme_id = CAST(? AS uuid))"
          + " AND (CAST(? AS text) IS NULL OR a.rag_status = CAST(? AS text))"
          + " AND (CAST(? AS text) IS NULL OR EXISTS (SELECT 1 FROM %1$s.action_lead l"
          + " WHERE l.action_id = a.id AND (lower(l.email) = lower(CAST(? AS text))"
          + " OR l.name ILIKE '%%' || CAST(? AS text) || '%%')))"
          + " AND (CAST(? AS date) IS NULL OR (COALESCE(a.revised_due_date, a.due_date)"
          + " < CAST(? AS date) AND a.completed_on IS NULL AND a.rag_status <> 'BLUE'"
          + " AND a.withdrawn_on IS NULL))"
          + " AND (CAST(? AS uuid) IS NULL OR EXISTS (SELECT 1 FROM %1$s.plan_driver_action d"
          + " WHERE d.action_id = a.id AND d.driver_id = CAST(? AS uuid)))"
          + " AND (CAST(? AS uuid) IS NULL OR a.parent_id IN (WITH RECURSIVE below AS"
          + " (SELECT id FROM %1$s.plan_item WHERE id = CAST(? AS uuid) UNION ALL"
          + " SELECT i.id FROM %1$s.plan_item i JOIN below ON i.parent_id = below.id)"
          + " SELECT id FROM below))"
          // every search word somewhere in "ref title", any case (position, not LIKE: a word's
          // own % or _ is looked for as it is)
          + " AND NOT EXISTS (SELECT 1 FROM unnest(CAST(? AS text[])) w"
          + " WHERE position(w IN lower(a.ref || ' ' || a.title)) = 0)";

  private static final String COLUMNS =
      "a.id, a.ref, a.title, a.lead_name, a.lead_email, a.programme_id, a.parent_id, a.position,"
          + " a.description, a.success_criteria, a.start_date, a.due_date, a.revised_due_date,"
          + " a.completed_on, a.rag_status, a.evidence_links, a.created_at, a.updated_at,"
          + " a.withdrawn_on, a.withdrawn_reason";

  private final TransactionOperations<Connection> transactions;

  ActionPages(TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
  }

  /**
   * One page of the actions that pass {@code filter}, in ref order as people read refs ("2.9"
   * before "2.10": the {@code ref_order} column, council migration V10), and how many pass it in
   * all.
   */
  ActionPage page(CouncilSlug council, ActionFilter filter, int page, int size) {
    // the schema name is a validated slug's: safe to place in SQL
    String schema = council.schemaName();
    Connection connection = transactions.getConnection();
    try {
      List<Row> rows = new ArrayList<>();
      long total = -1;
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + ", count(*) OVER () FROM "
                  + schema
                  + ".improvement_action a"
                  + WHERE.formatted(schema)
                  + " ORDER BY a.ref_order, a.id LIMIT ? OFFSET ?")) {
        int next = bindFilter(statement, filter);
        statement.setInt(next, size);
        statement.setLong(next + 1, (long) page * size);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            rows.add(Row.of(row));
            total = row.getLong(21);
          }
        }
      }
      if (total < 0) {
        total = page == 0 ? 0 : count(connection, schema, filter); // a page past the last
      }
      return new ActionPage(views(connection, schema, rows), page, size, total);
    } catch (SQLException e) {
      throw new DataAccessException("The actions could not be read: " + e.getMessage(), e);
    }
  }

  private static long count(Connection connection, String schema, ActionFilter filter)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT count(*) FROM " + schema + ".improvement_action a" + WHERE.formatted(schema))) {
      bindFilter(statement, filter);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** Binds the filter's parameters (each twice: the null test, then the value); the next index. */
  private static int bindFilter(PreparedStatement statement, ActionFilter filter)
      throws SQLException {
    String rag = filter.rag() == null ? null : filter.rag().name();
    int i = 1;
    i = twice(statement, i, filter.programmeId(), Types.OTHER);
    i = twice(statement, i, rag, Types.VARCHAR);
    statement.setString(i++, filter.lead());
    i = twice(statement, i, filter.lead(), Types.VARCHAR);
    i = twice(statement, i, filter.overdueOn(), Types.DATE);
    i = twice(statement, i, filter.driverId(), Types.OTHER);
    i = twice(statement, i, filter.under(), Types.OTHER);
    statement.setArray(
        i++, statement.getConnection().createArrayOf("text", filter.words().toArray()));
    return i;
  }

  private static int twice(PreparedStatement statement, int index, Object value, int type)
      throws SQLException {
    for (int k = 0; k < 2; k++) {
      if (value == null) {
        statement.setNull(index + k, type);
      } else {
        statement.setObject(index + k, value);
      }
    }
    return index + 2;
  }

  private static List<ActionView> views(Connection connection, String schema, List<Row> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<NewAction.Lead>> leadsOf = new HashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT action_id, name, email, role FROM "
                + schema
                + ".action_lead WHERE action_id = ANY (CAST(? AS uuid[]))"
                + " ORDER BY action_id, position")) {
      Array ids =
          connection.createArrayOf("text", rows.stream().map(r -> r.id().toString()).toArray());
      statement.setArray(1, ids);
      try (ResultSet lead = statement.executeQuery()) {
        while (lead.next()) {
          leadsOf
              .computeIfAbsent(lead.getObject(1, UUID.class), id -> new ArrayList<>())
              .add(new NewAction.Lead(lead.getString(2), lead.getString(3), lead.getString(4)));
        }
      }
    }
    List<ActionView> views = new ArrayList<>(rows.size());
    for (Row row : rows) {
      views.add(row.view(leadsOf.get(row.id())));
    }
    return views;
  }

  /** One action's columns as read, before its leads are known. */
  private record Row(
      UUID id,
      String ref,
      String title,
      String leadName,
      String leadEmail,
      UUID programmeId,
      UUID parentId,
      int position,
      String description,
      String successCriteria,
      LocalDate startDate,
      LocalDate dueDate,
      LocalDate revisedDueDate,
      LocalDate completedOn,
      RagStatus ragStatus,
      List<String> evidenceLinks,
      Instant createdAt,
      Instant updatedAt,
      LocalDate withdrawnOn,
      String withdrawnReason) {

    static Row of(ResultSet row) throws SQLException {
      Array links = row.getArray(16);
      return new Row(
          row.getObject(1, UUID.class),
          row.getString(2),
          row.getString(3),
          row.getString(4),
          row.getString(5),
          row.getObject(6, UUID.class),
          row.getObject(7, UUID.class),
          row.getInt(8),
          row.getString(9),
          row.getString(10),
          row.getObject(11, LocalDate.class),
          row.getObject(12, LocalDate.class),
          row.getObject(13, LocalDate.class),
          row.getObject(14, LocalDate.class),
          RagStatus.valueOf(row.getString(15)),
          links == null ? List.of() : List.of((String[]) links.getArray()),
          instant(row.getObject(17, OffsetDateTime.class)),
          instant(row.getObject(18, OffsetDateTime.class)),
          row.getObject(19, LocalDate.class),
          row.getString(20));
    }

    private static Instant instant(OffsetDateTime time) {
      return time == null ? null : time.toInstant();
    }

    /** As {@link ActionView#of}: the action's own lead when no leads are listed. */
    ActionView view(List<NewAction.Lead> leads) {
      List<NewAction.Lead> shown =
          leads == null || leads.isEmpty()
              ? List.of(new NewAction.Lead(leadName, leadEmail, null))
              : List.copyOf(leads);
      return new ActionView(
          id,
          ref,
          title,
          shown.get(0),
          shown,
          programmeId,
          parentId,
          position,
          description,
          successCriteria,
          startDate,
          dueDate,
          revisedDueDate,
          revisedDueDate == null ? dueDate : revisedDueDate,
          completedOn,
          ragStatus,
          evidenceLinks,
          createdAt,
          updatedAt,
          withdrawnOn,
          withdrawnReason);
    }
  }
}
