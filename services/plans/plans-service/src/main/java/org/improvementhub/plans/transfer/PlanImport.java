package org.improvementhub.plans.transfer;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.plans.action.ActionView;
import org.improvementhub.plans.action.NewAction;
import org.improvementhub.plans.action.RagStatus;
import org.improvementhub.plans.audit.AuditTrail;
import org.improvementhub.plans.driver.DriverView;
import org.improvementhub.plans.events.ActionCompleted;
import org.improvementhub.plans.events.ActionCreated;
import org.improvementhub.plans.events.ActionProgressReported;
import org.improvementhub.plans.events.ActionSnapshot;
import org.improvementhub.plans.events.DriverSaved;
import org.improvementhub.plans.events.PlanItemSaved;
import org.improvementhub.plans.events.PlanPerson;
import org.improvementhub.plans.programme.Programme;
import org.improvementhub.plans.programme.Programmes;
import org.improvementhub.plans.tree.PlanItemView;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;

/**
 * Imports a whole programme from a plan file, all or nothing: every row is checked first (see
 * {@link PlanReading}), then everything is written in one transaction, in JDBC batches, with an
 * audit entry and an event for each record created. A dry run only checks and counts.
 */
@Singleton
public class PlanImport {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final int BATCH = 500;

  private final Programmes programmes;
  private final TransactionOperations<Connection> transactions;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final JsonMapper json;
  private final Clock clock;

  public PlanImport(
      Programmes programmes,
      TransactionOperations<Connection> transactions,
      AuditTrail audit,
      Outbox outbox,
      JsonMapper json,
      Clock clock) {
    this.programmes = programmes;
    this.transactions = transactions;
    this.audit = audit;
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
  }

  /**
   * @throws ProblemException 400 listing every bad row; nothing is stored
   */
  @Transactional
  public ImportOutcome importPlan(CouncilSlug council, PlanSheets.Sheet sheet, boolean dryRun) {
    ImportedPlan plan = PlanReading.read(sheet, audit.actor());
    if (dryRun) {
      return new ImportOutcome(
          null,
          plan.items().size(),
          plan.actions().size(),
          plan.drivers().size(),
          plan.progress().size(),
          true);
    }
    Programme programme = programmes.add(plan.programme());
    new Writing(council, programme, plan).write();
    return new ImportOutcome(
        programme.id(),
        plan.items().size(),
        plan.actions().size(),
        plan.drivers().size(),
        plan.progress().size(),
        false);
  }

  /** One import's writes: ids are given here so rows can name each other before they exist. */
  private final class Writing {

    private final CouncilSlug council;
    private final Programme programme;
    private final ImportedPlan plan;
    private final String schema;
    private final Instant now;
    private final String actor;
    private final Map<String, UUID> itemIds = new HashMap<>();
    private final Map<String, UUID> actionIds = new HashMap<>();
    private final Map<String, UUID> driverIds = new HashMap<>();
    private final Map<String, List<UUID>> actionsOfDriver = new LinkedHashMap<>();
    private final List<Object[]> auditRows = new ArrayList<>();

    Writing(CouncilSlug council, Programme programme, ImportedPlan plan) {
      this.council = council;
      this.programme = programme;
      this.plan = plan;
      this.schema = council.schemaName();
      this.now = clock.instant();
      this.actor = audit.actor();
    }

    void write() {
      try {
        items();
        drivers();
        actions();
        progress();
        driverEvents();
        flushAudit();
      } catch (SQLException e) {
        throw new IllegalStateException("The plan could not be stored", e);
      }
    }

    private Connection connection() {
      return transactions.getConnection();
    }

    private void items() throws SQLException {
      // parents first, so every parent_id exists when its children are inserted
      List<ImportedPlan.Item> byDepth =
          plan.items().stream().sorted(Comparator.comparingInt(ImportedPlan.Item::depth)).toList();
      Map<String, Integer> nextPosition = new HashMap<>();
      for (ImportedPlan.Item item : plan.items()) {
        itemIds.put(item.ref(), UUID.randomUUID());
      }
      Map<String, Integer> positions = new HashMap<>();
      for (ImportedPlan.Item item : plan.items()) {
        positions.put(
            item.ref(), nextPosition.merge(siblingsOf(item.parentRef()), 1, Integer::sum) - 1);
      }
      String[] levels = programme.levelNames();
      try (PreparedStatement insert =
          connection()
              .prepareStatement(
                  "INSERT INTO "
                      + schema
                      + ".plan_item (id, programme_id, parent_id, depth, position, ref, title,"
                      + " description, success_criteria, owner, created_at, updated_at, version)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
        int pending = 0;
        for (ImportedPlan.Item item : byDepth) {
          UUID id = itemIds.get(item.ref());
          UUID parentId = item.parentRef() == null ? null : itemIds.get(item.parentRef());
          int position = positions.get(item.ref());
          insert.setObject(1, id);
          insert.setObject(2, programme.id());
          insert.setObject(3, parentId);
          insert.setInt(4, item.depth());
          insert.setInt(5, position);
          insert.setString(6, item.ref());
          insert.setString(7, item.title());
          insert.setString(8, item.description());
          insert.setString(9, item.successCriteria());
          insert.setString(10, item.owner());
          insert.setTimestamp(11, Timestamp.from(now));
          insert.setTimestamp(12, Timestamp.from(now));
          insert.addBatch();
          if (++pending % BATCH == 0) {
            insert.executeBatch();
          }
          String level = levels[Math.min(item.depth(), levels.length - 1)];
          auditCreated(
              "plan-item",
              id,
              new PlanItemView(
                  id,
                  programme.id(),
                  parentId,
                  item.depth(),
                  level,
                  position,
                  item.ref(),
                  item.title(),
                  item.description(),
                  item.successCriteria(),
                  item.owner(),
                  now,
                  now));
          outbox.append(
              PlanItemSaved.TOPIC,
              council,
              PlanItemSaved.TYPE,
              1,
              id.toString(),
              new PlanItemSaved(
                  id, programme.id(), parentId, item.ref(), item.title(), item.depth() + 1, level));
        }
        insert.executeBatch();
      }
    }

    private void drivers() throws SQLException {
      try (PreparedStatement insert =
          connection()
              .prepareStatement(
                  "INSERT INTO "
                      + schema
                      + ".plan_driver (id, programme_id, kind, ref, text, description, timeframe,"
                      + " created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
        for (ImportedPlan.Driver driver : plan.drivers()) {
          UUID id = UUID.randomUUID();
          driverIds.put(driver.ref(), id);
          actionsOfDriver.put(driver.ref(), new ArrayList<>());
          insert.setObject(1, id);
          insert.setObject(2, programme.id());
          insert.setString(3, driver.kind().name());
          insert.setString(4, driver.ref());
          insert.setString(5, driver.title());
          insert.setString(6, driver.description());
          insert.setString(7, driver.timeframe() == null ? null : driver.timeframe().name());
          insert.setTimestamp(8, Timestamp.from(now));
          insert.setTimestamp(9, Timestamp.from(now));
          insert.addBatch();
          auditCreated(
              "driver",
              id,
              new DriverView(
                  id,
                  programme.id(),
                  driver.kind(),
                  driver.ref(),
                  driver.title(),
                  driver.description(),
                  driver.timeframe(),
                  List.of()));
        }
        insert.executeBatch();
      }
    }

    private void actions() throws SQLException {
      Map<String, Integer> nextPosition = new HashMap<>();
      Map<String, ImportedPlan.Progress> latest = latestReports();
      PlanPerson manager = programme.manager();
      try (PreparedStatement insert =
              connection()
                  .prepareStatement(
                      "INSERT INTO "
                          + schema
                          + ".improvement_action (id, ref, title, lead_name, lead_email,"
                          + " due_date, rag_status, created_at, updated_at, version,"
                          + " programme_id, parent_id, position, description, success_criteria,"
                          + " start_date, revised_due_date, completed_on, evidence_links)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement lead =
              connection()
                  .prepareStatement(
                      "INSERT INTO "
                          + schema
                          + ".action_lead (action_id, position, name, email, role)"
                          + " VALUES (?, ?, ?, ?, ?)");
          PreparedStatement revision =
              connection()
                  .prepareStatement(
                      "INSERT INTO "
                          + schema
                          + ".action_due_date_revision (id, action_id, previous_due_date,"
                          + " new_due_date, reason, revised_by, revised_at)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement link =
              connection()
                  .prepareStatement(
                      "INSERT INTO "
                          + schema
                          + ".plan_driver_action (driver_id, action_id) VALUES (?, ?)")) {
        int pending = 0;
        for (ImportedPlan.Action action : plan.actions()) {
          UUID id = UUID.randomUUID();
          actionIds.put(action.ref(), id);
          UUID parentId = action.parentRef() == null ? null : itemIds.get(action.parentRef());
          int position = nextPosition.merge(siblingsOf(action.parentRef()), 1, Integer::sum) - 1;
          LocalDate completed =
              action.rag() == RagStatus.BLUE && action.completedOn() == null
                  ? LocalDate.now(clock.withZone(UK))
                  : action.completedOn();
          NewAction.Lead first = action.leads().get(0);
          insert.setObject(1, id);
          insert.setString(2, action.ref());
          insert.setString(3, action.title());
          insert.setString(4, first.name());
          insert.setString(5, first.email());
          insert.setDate(6, Date.valueOf(action.dueDate()));
          insert.setString(7, action.rag().name());
          insert.setTimestamp(8, Timestamp.from(now));
          insert.setTimestamp(9, Timestamp.from(now));
          insert.setObject(10, programme.id());
          insert.setObject(11, parentId);
          insert.setInt(12, position);
          insert.setString(13, action.description());
          insert.setString(14, action.successCriteria());
          insert.setDate(15, date(action.startDate()));
          insert.setDate(16, date(action.revisedDueDate()));
          insert.setDate(17, date(completed));
          insert.setArray(
              18, connection().createArrayOf("text", action.evidence().toArray(String[]::new)));
          insert.addBatch();
          for (int i = 0; i < action.leads().size(); i++) {
            NewAction.Lead l = action.leads().get(i);
            lead.setObject(1, id);
            lead.setInt(2, i);
            lead.setString(3, l.name());
            lead.setString(4, l.email());
            lead.setString(5, l.role());
            lead.addBatch();
          }
          if (action.revisedDueDate() != null) {
            revision.setObject(1, UUID.randomUUID());
            revision.setObject(2, id);
            revision.setDate(3, Date.valueOf(action.dueDate()));
            revision.setDate(4, Date.valueOf(action.revisedDueDate()));
            revision.setString(5, action.revisionReason());
            revision.setString(6, actor);
            revision.setTimestamp(7, Timestamp.from(now));
            revision.addBatch();
          }
          for (String driverRef : action.driverRefs()) {
            link.setObject(1, driverIds.get(driverRef));
            link.setObject(2, id);
            link.addBatch();
            actionsOfDriver.get(driverRef).add(id);
          }
          if (++pending % BATCH == 0) {
            insert.executeBatch();
            lead.executeBatch();
            revision.executeBatch();
            link.executeBatch();
          }
          List<NewAction.Lead> leads = action.leads();
          auditCreated(
              "action",
              id,
              new ActionView(
                  id,
                  action.ref(),
                  action.title(),
                  first,
                  leads,
                  programme.id(),
                  parentId,
                  position,
                  action.description(),
                  action.successCriteria(),
                  action.startDate(),
                  action.dueDate(),
                  action.revisedDueDate(),
                  action.revisedDueDate() == null ? action.dueDate() : action.revisedDueDate(),
                  completed,
                  action.rag(),
                  action.evidence(),
                  now,
                  now,
                  null,
                  null));
          ImportedPlan.Progress report = latest.get(action.ref());
          ActionSnapshot snapshot =
              new ActionSnapshot(
                  id,
                  action.ref(),
                  action.title(),
                  leads.stream().map(l -> new PlanPerson(l.name(), l.email(), l.role())).toList(),
                  action.startDate(),
                  action.revisedDueDate() == null ? action.dueDate() : action.revisedDueDate(),
                  action.rag().name(),
                  completed,
                  programme.id(),
                  manager,
                  parentId,
                  action.driverRefs(),
                  report == null ? null : report.note());
          outbox.append(
              ActionCreated.TOPIC,
              council,
              ActionCreated.TYPE,
              1,
              id.toString(),
              new ActionCreated(
                  id,
                  action.ref(),
                  action.title(),
                  first.name(),
                  first.email(),
                  action.dueDate(),
                  action.rag().name(),
                  snapshot));
          if (report != null) {
            // the latest report only: it is what the board sees now; the history stays here
            outbox.append(
                ActionProgressReported.TOPIC,
                council,
                ActionProgressReported.TYPE,
                1,
                id.toString(),
                new ActionProgressReported(
                    snapshot,
                    report.period(),
                    report.rag().name(),
                    null,
                    report.note(),
                    report.reportedBy(),
                    reportedAt(report, 0)));
          }
          if (completed != null) {
            outbox.append(
                ActionCompleted.TOPIC,
                council,
                ActionCompleted.TYPE,
                1,
                id.toString(),
                new ActionCompleted(snapshot, completed));
          }
        }
        insert.executeBatch();
        lead.executeBatch();
        revision.executeBatch();
        link.executeBatch();
      }
    }

    /** Each action's latest report, by period: the one that gave the action its RAG. */
    private Map<String, ImportedPlan.Progress> latestReports() {
      Map<String, ImportedPlan.Progress> latest = new HashMap<>();
      for (ImportedPlan.Progress report : plan.progress()) {
        latest.merge(
            report.actionRef(), report, (a, b) -> a.period().compareTo(b.period()) >= 0 ? a : b);
      }
      return latest;
    }

    private void progress() throws SQLException {
      // in period order, so a history read back by time shows the periods in order
      List<ImportedPlan.Progress> ordered =
          plan.progress().stream()
              .sorted(
                  Comparator.comparing(ImportedPlan.Progress::actionRef)
                      .thenComparing(ImportedPlan.Progress::period))
              .toList();
      try (PreparedStatement insert =
          connection()
              .prepareStatement(
                  "INSERT INTO "
                      + schema
                      + ".action_progress_report (id, action_id, period, rag_status, note,"
                      + " reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        int pending = 0;
        for (ImportedPlan.Progress report : ordered) {
          Instant at = reportedAt(report, pending);
          insert.setObject(1, UUID.randomUUID());
          insert.setObject(2, actionIds.get(report.actionRef()));
          insert.setString(3, report.period());
          insert.setString(4, report.rag().name());
          insert.setString(5, report.note());
          insert.setString(6, report.reportedBy());
          insert.setTimestamp(7, Timestamp.from(at));
          insert.addBatch();
          if (++pending % BATCH == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
    }

    /** The day reported, or now (a microsecond apart, so the history keeps its order). */
    private Instant reportedAt(ImportedPlan.Progress report, int index) {
      return report.reportedOn() == null
          ? now.plus(index, ChronoUnit.MICROS)
          : report.reportedOn().atStartOfDay(UK).toInstant();
    }

    /** Each driver's event once its links are known, so readers see which actions answer it. */
    private void driverEvents() {
      for (ImportedPlan.Driver driver : plan.drivers()) {
        UUID id = driverIds.get(driver.ref());
        outbox.append(
            DriverSaved.TOPIC,
            council,
            DriverSaved.TYPE,
            1,
            id.toString(),
            new DriverSaved(
                id,
                programme.id(),
                driver.kind().name(),
                driver.ref(),
                driver.title(),
                driver.timeframe() == null ? null : driver.timeframe().name(),
                List.copyOf(actionsOfDriver.get(driver.ref()))));
      }
    }

    private void auditCreated(String recordType, UUID id, Object after) {
      auditRows.add(new Object[] {recordType, id.toString(), toJson(after)});
    }

    private void flushAudit() throws SQLException {
      try (PreparedStatement insert =
          connection()
              .prepareStatement(
                  "INSERT INTO "
                      + schema
                      + ".audit_entry (occurred_at, actor, record_type, record_id, change,"
                      + " before, after) VALUES (?, ?, ?, ?, 'IMPORTED', NULL, CAST(? AS jsonb))")) {
        int pending = 0;
        for (Object[] row : auditRows) {
          insert.setTimestamp(1, Timestamp.from(now));
          insert.setString(2, actor);
          insert.setString(3, (String) row[0]);
          insert.setString(4, (String) row[1]);
          insert.setString(5, (String) row[2]);
          insert.addBatch();
          if (++pending % BATCH == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
    }

    private String toJson(Object value) {
      try {
        return json.writeValueAsString(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The key of a parent's children when numbering positions; the top level has its own. */
  private static String siblingsOf(String parentRef) {
    return parentRef == null ? "" : "under " + parentRef;
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
