package org.improvementhub.plans.transfer;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.plans.action.RagStatus;
import org.improvementhub.plans.programme.Programme;
import org.improvementhub.plans.programme.Programmes;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Writes a whole programme as plan-template rows: its settings, its drivers, its tree (each item
 * followed by what sits under it, in order) and its actions' progress reports. Importing the rows
 * gives the same plan. Reads in a handful of statements whatever the plan's size.
 */
@Singleton
public class PlanExport {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final Programmes programmes;
  private final TransactionOperations<Connection> transactions;

  public PlanExport(Programmes programmes, TransactionOperations<Connection> transactions) {
    this.programmes = programmes;
    this.transactions = transactions;
  }

  /**
   * @throws org.improvementhub.web.problem.ProblemException 404 when there is no such programme
   */
  @Transactional
  public List<Map<String, String>> rows(CouncilSlug council, UUID programmeId) {
    Programme programme = programmes.require(programmeId);
    try {
      return new Reading(council.schemaName(), programme).rows();
    } catch (SQLException e) {
      throw new IllegalStateException("The plan could not be read", e);
    }
  }

  private final class Reading {

    private final String schema;
    private final Programme programme;
    private final List<Map<String, String>> rows = new ArrayList<>();

    Reading(String schema, Programme programme) {
      this.schema = schema;
      this.programme = programme;
    }

    List<Map<String, String>> rows() throws SQLException {
      settings();
      Map<UUID, List<String>> driverRefsOf = drivers();
      Map<UUID, List<Node>> childrenOf = new HashMap<>();
      List<Node> roots = new ArrayList<>();
      for (Node item : items()) {
        (item.parentId() == null
                ? roots
                : childrenOf.computeIfAbsent(item.parentId(), k -> new ArrayList<>()))
            .add(item);
      }
      Map<UUID, String> reasons = revisionReasons();
      Map<UUID, List<String>> leads = leads();
      List<UUID> actionOrder = new ArrayList<>();
      for (Node action : actions(reasons, leads, driverRefsOf)) {
        (action.parentId() == null
                ? roots
                : childrenOf.computeIfAbsent(action.parentId(), k -> new ArrayList<>()))
            .add(action);
      }
      walk(roots, childrenOf, actionOrder);
      progress(actionOrder);
      return rows;
    }

    private void walk(List<Node> nodes, Map<UUID, List<Node>> childrenOf, List<UUID> actionOrder) {
      nodes.sort(Comparator.comparingInt(Node::position).thenComparing(Node::ref));
      for (Node node : nodes) {
        rows.add(node.row());
        if ("ACTION".equals(node.row().get("record"))) {
          actionOrder.add(node.id());
        }
        walk(childrenOf.getOrDefault(node.id(), new ArrayList<>()), childrenOf, actionOrder);
      }
    }

    private void settings() {
      Programme p = programme;
      setting("name", p.name());
      setting("trigger_kind", p.triggerKind().name());
      setting("trigger_date", text(p.triggerDate()));
      setting("trigger_judgement", p.triggerJudgement());
      setting("trigger_description", p.triggerDescription());
      setting("improvement_board", p.improvementBoard());
      setting("reporting_cadence", p.reportingCadence().name());
      setting("programme_manager", p.managerName() + " <" + p.managerEmail() + ">");
      setting("level_names", String.join("; ", p.levelNames()));
      setting("start_date", text(p.startDate()));
      setting("end_date", text(p.endDate()));
      Map<RagStatus, String> words = new LinkedHashMap<>();
      words.put(RagStatus.BLUE, p.blueMeans());
      words.put(RagStatus.GREEN, p.greenMeans());
      words.put(RagStatus.AMBER, p.amberMeans());
      words.put(RagStatus.RED, p.redMeans());
      words.put(RagStatus.GREY, p.greyMeans());
      words.forEach(
          (rag, text) -> setting("rag_description_" + rag.name().toLowerCase(Locale.ROOT), text));
    }

    private void setting(String name, String value) {
      if (value != null && !value.isBlank()) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("record", "PROGRAMME");
        row.put("setting", name);
        row.put("value", value);
        rows.add(row);
      }
    }

    /** The programme's drivers and those its actions answer; each action's driver refs. */
    private Map<UUID, List<String>> drivers() throws SQLException {
      Map<UUID, List<String>> refsOf = new HashMap<>();
      try (PreparedStatement query =
          connection()
              .prepareStatement(
                  "SELECT d.id, d.kind, d.ref, d.text, d.description, d.timeframe,"
                      + " array_remove(array_agg(a.id ORDER BY a.ref), NULL) AS actions"
                      + " FROM "
                      + schema
                      + ".plan_driver d LEFT JOIN "
                      + schema
                      + ".plan_driver_action l ON l.driver_id = d.id LEFT JOIN "
                      + schema
                      + ".improvement_action a ON a.id = l.action_id AND a.programme_id = ?"
                      + " GROUP BY d.id"
                      + " HAVING d.programme_id = ? OR count(a.id) > 0"
                      + " ORDER BY d.kind, d.ref")) {
        query.setObject(1, programme.id());
        query.setObject(2, programme.id());
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("record", "DRIVER");
            row.put("ref", rs.getString("ref"));
            row.put("driver_kind", rs.getString("kind"));
            row.put("title", rs.getString("text"));
            row.put("description", rs.getString("description"));
            row.put("timeframe", rs.getString("timeframe"));
            rows.add(row);
            for (UUID action : uuids(rs.getArray("actions"))) {
              refsOf.computeIfAbsent(action, k -> new ArrayList<>()).add(rs.getString("ref"));
            }
          }
        }
      }
      return refsOf;
    }

    private List<Node> items() throws SQLException {
      List<Node> items = new ArrayList<>();
      try (PreparedStatement query =
          connection()
              .prepareStatement(
                  "SELECT i.id, i.parent_id, i.position, i.ref, i.title, i.description,"
                      + " i.success_criteria, i.owner, p.ref AS parent_ref FROM "
                      + schema
                      + ".plan_item i LEFT JOIN "
                      + schema
                      + ".plan_item p ON p.id = i.parent_id WHERE i.programme_id = ?")) {
        query.setObject(1, programme.id());
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("record", "ITEM");
            row.put("ref", rs.getString("ref"));
            row.put("parent_ref", rs.getString("parent_ref"));
            row.put("title", rs.getString("title"));
            row.put("description", rs.getString("description"));
            row.put("success_criteria", rs.getString("success_criteria"));
            row.put("owner", rs.getString("owner"));
            items.add(
                new Node(
                    rs.getObject("id", UUID.class),
                    rs.getObject("parent_id", UUID.class),
                    rs.getInt("position"),
                    rs.getString("ref"),
                    row));
          }
        }
      }
      return items;
    }

    private List<Node> actions(
        Map<UUID, String> reasons, Map<UUID, List<String>> leads, Map<UUID, List<String>> drivers)
        throws SQLException {
      List<Node> actions = new ArrayList<>();
      try (PreparedStatement query =
          connection()
              .prepareStatement(
                  "SELECT a.*, p.ref AS parent_ref FROM "
                      + schema
                      + ".improvement_action a LEFT JOIN "
                      + schema
                      + ".plan_item p ON p.id = a.parent_id WHERE a.programme_id = ?")) {
        query.setObject(1, programme.id());
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            UUID id = rs.getObject("id", UUID.class);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("record", "ACTION");
            row.put("ref", rs.getString("ref"));
            row.put("parent_ref", rs.getString("parent_ref"));
            row.put("title", rs.getString("title"));
            row.put("description", rs.getString("description"));
            row.put("success_criteria", rs.getString("success_criteria"));
            row.put(
                "leads",
                String.join(
                    "; ",
                    leads.getOrDefault(
                        id,
                        List.of(
                            rs.getString("lead_name") + " <" + rs.getString("lead_email") + ">"))));
            row.put("start_date", text(rs.getObject("start_date", LocalDate.class)));
            row.put("due_date", text(rs.getObject("due_date", LocalDate.class)));
            LocalDate revised = rs.getObject("revised_due_date", LocalDate.class);
            row.put("revised_due_date", text(revised));
            row.put("revision_reason", revised == null ? null : reasons.get(id));
            row.put("completed_on", text(rs.getObject("completed_on", LocalDate.class)));
            row.put("rag", rs.getString("rag_status"));
            row.put("drivers", String.join("; ", drivers.getOrDefault(id, List.of())));
            Array evidence = rs.getArray("evidence_links");
            row.put(
                "evidence",
                evidence == null ? null : String.join("; ", (String[]) evidence.getArray()));
            actions.add(
                new Node(
                    id,
                    rs.getObject("parent_id", UUID.class),
                    rs.getInt("position"),
                    rs.getString("ref"),
                    row));
          }
        }
      }
      return actions;
    }

    /** Each revised action's latest reason: the template carries one revision per action. */
    private Map<UUID, String> revisionReasons() throws SQLException {
      Map<UUID, String> reasons = new HashMap<>();
      try (PreparedStatement query =
          connection()
              .prepareStatement(
                  "SELECT DISTINCT ON (r.action_id) r.action_id, r.reason FROM "
                      + schema
                      + ".action_due_date_revision r JOIN "
                      + schema
                      + ".improvement_action a ON a.id = r.action_id WHERE a.programme_id = ?"
                      + " ORDER BY r.action_id, r.revised_at DESC")) {
        query.setObject(1, programme.id());
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            reasons.put(rs.getObject("action_id", UUID.class), rs.getString("reason"));
          }
        }
      }
      return reasons;
    }

    private Map<UUID, List<String>> leads() throws SQLException {
      Map<UUID, List<String>> leads = new HashMap<>();
      try (PreparedStatement query =
          connection()
              .prepareStatement(
                  "SELECT l.action_id, l.name, l.email, l.role FROM "
                      + schema
                      + ".action_lead l JOIN "
                      + schema
                      + ".improvement_action a ON a.id = l.action_id WHERE a.programme_id = ?"
                      + " ORDER BY l.action_id, l.position")) {
        query.setObject(1, programme.id());
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            String role = rs.getString("role");
            leads
                .computeIfAbsent(rs.getObject("action_id", UUID.class), k -> new ArrayList<>())
                .add(
                    rs.getString("name")
                        + " <"
                        + rs.getString("email")
                        + ">"
                        + (role == null || role.isBlank() ? "" : " (" + role + ")"));
          }
        }
      }
      return leads;
    }

    private void progress(List<UUID> actionOrder) throws SQLException {
      Map<UUID, List<Map<String, String>>> reportsOf = new HashMap<>();
      try (PreparedStatement query =
          connection()
              .prepareStatement(
                  "SELECT r.action_id, a.ref, r.period, r.rag_status, r.note, r.reported_by,"
                      + " r.reported_at FROM "
                      + schema
                      + ".action_progress_report r JOIN "
                      + schema
                      + ".improvement_action a ON a.id = r.action_id WHERE a.programme_id = ?"
                      + " ORDER BY r.period, r.reported_at")) {
        query.setObject(1, programme.id());
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("record", "PROGRESS");
            row.put("ref", rs.getString("ref"));
            row.put("period", rs.getString("period"));
            row.put("rag", rs.getString("rag_status"));
            row.put("review_note", rs.getString("note"));
            row.put("reported_by", rs.getString("reported_by"));
            row.put(
                "reported_on",
                text(LocalDate.ofInstant(rs.getTimestamp("reported_at").toInstant(), UK)));
            reportsOf
                .computeIfAbsent(rs.getObject("action_id", UUID.class), k -> new ArrayList<>())
                .add(row);
          }
        }
      }
      // a period reported twice through the API is kept once: the template has one per period
      for (UUID action : actionOrder) {
        Map<String, Map<String, String>> byPeriod = new LinkedHashMap<>();
        for (Map<String, String> row : reportsOf.getOrDefault(action, List.of())) {
          byPeriod.put(row.get("period"), row);
        }
        rows.addAll(byPeriod.values());
      }
    }

    private Connection connection() {
      return transactions.getConnection();
    }
  }

  private static List<UUID> uuids(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    List<UUID> ids = new ArrayList<>();
    for (Object id : (Object[]) array.getArray()) {
      ids.add(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
    }
    return ids;
  }

  private static String text(LocalDate day) {
    return day == null ? null : day.toString();
  }

  /** An item or action of the tree, with the row it exports as. */
  private record Node(UUID id, UUID parentId, int position, String ref, Map<String, String> row) {}
}
