package org.improvementhub.plans.tree;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.plans.audit.AuditTrail;
import org.improvementhub.plans.events.PlanItemRemoved;
import org.improvementhub.plans.events.PlanItemSaved;
import org.improvementhub.plans.programme.Programme;
import org.improvementhub.plans.programme.ProgrammeRepository;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * Builds, changes and reads a programme's plan tree. Items sit above the actions: a programme with
 * N level names has items at depths 0 to N-2 and actions at N-1. A move keeps an item at its depth
 * (a Pillar stays a Pillar), so its subtree's levels stay right and no cycle can form.
 */
@Singleton
public class PlanTree {

  static final String RECORD_TYPE = "plan-item";

  private final PlanItemRepository items;
  private final ProgrammeRepository programmes;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final TransactionOperations<Connection> transactions;

  public PlanTree(
      PlanItemRepository items,
      ProgrammeRepository programmes,
      AuditTrail audit,
      Outbox outbox,
      TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
    this.items = items;
    this.programmes = programmes;
    this.audit = audit;
    this.outbox = outbox;
  }

  @Transactional
  public PlanItem add(CouncilSlug council, UUID programmeId, NewPlanItem request) {
    Programme programme = requireProgramme(programmeId);
    PlanItem parent =
        request.parentId() == null ? null : requireItem(programme, request.parentId(), "parentId");
    int depth = parent == null ? 0 : parent.depth() + 1;
    if (depth > programme.levelCount() - 2) {
      throw ProblemException.invalidField(
          "parentId",
          programme.levelCount() == 1
              ? "this programme's plan has one level: add actions, not items"
              : "items under a "
                  + programme.levelNames()[depth - 1]
                  + " are actions: add an action");
    }
    int siblings = items.countChildren(programmeId, request.parentId());
    int position = request.position() == null ? siblings : Math.min(request.position(), siblings);
    String ref =
        request.ref() == null ? freeRef(programmeId, parent, position) : request.ref().strip();
    if (request.ref() != null && items.refTaken(programmeId, ref)) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "Ref " + ref + " is already used in this plan");
    }
    PlanItem saved =
        items.save(
            new PlanItem(
                null,
                programmeId,
                request.parentId(),
                depth,
                position,
                ref,
                request.title().strip(),
                request.description(),
                request.successCriteria(),
                request.owner(),
                null,
                null,
                null));
    items.shiftSiblings(programmeId, request.parentId(), position, 1, saved.id());
    audit.record(RECORD_TYPE, saved.id(), "CREATED", null, view(programme, saved));
    announce(council, programme, saved);
    return saved;
  }

  @Transactional
  public PlanItem change(CouncilSlug council, UUID programmeId, UUID id, PlanItemChange change) {
    Programme programme = requireProgramme(programmeId);
    PlanItem before = requireItem(programme, id, "id");
    if (change.ref() != null
        && !change.ref().strip().equals(before.ref())
        && items.refTaken(programmeId, change.ref().strip())) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "Ref " + change.ref() + " is already used in this plan");
    }
    PlanItem saved =
        items.update(
            before.describedAs(
                change.ref() == null
                    ? change
                    : new PlanItemChange(
                        change.ref().strip(),
                        change.title(),
                        change.description(),
                        change.successCriteria(),
                        change.owner())));
    audit.record(RECORD_TYPE, id, "UPDATED", view(programme, before), view(programme, saved));
    announce(council, programme, saved);
    return saved;
  }

  /** Moves an item under another parent of the same level, or re-orders it among its siblings. */
  @Transactional
  public PlanItem place(CouncilSlug council, UUID programmeId, UUID id, Placement placement) {
    Programme programme = requireProgramme(programmeId);
    PlanItem before = requireItem(programme, id, "id");
    int parentDepth = before.depth() - 1;
    if (placement.parentId() == null && parentDepth >= 0
        || placement.parentId() != null
            && requireItem(programme, placement.parentId(), "parentId").depth() != parentDepth) {
      throw ProblemException.invalidField(
          "parentId",
          parentDepth < 0
              ? "a " + programme.levelNames()[0] + " has no parent"
              : "must be a " + programme.levelNames()[parentDepth]);
    }
    items.shiftSiblings(programmeId, before.parentId(), before.position() + 1, -1, id);
    int siblings = items.countChildren(programmeId, placement.parentId());
    boolean sameParent = Objects.equals(before.parentId(), placement.parentId());
    int position = Math.min(placement.position(), sameParent ? siblings - 1 : siblings);
    items.shiftSiblings(programmeId, placement.parentId(), position, 1, id);
    PlanItem saved = items.update(before.placedAt(placement.parentId(), position));
    audit.record(RECORD_TYPE, id, "MOVED", view(programme, before), view(programme, saved));
    announce(council, programme, saved);
    return saved;
  }

  /** Removes an empty item; one with items or actions beneath it must be emptied first. */
  @Transactional
  public void remove(CouncilSlug council, UUID programmeId, UUID id) {
    Programme programme = requireProgramme(programmeId);
    PlanItem before = requireItem(programme, id, "id");
    int children = items.childCount(id);
    if (children > 0) {
      throw ProblemException.of(
          ProblemType.CONFLICT,
          "Item "
              + before.ref()
              + " has "
              + children
              + " items or actions beneath it: move or remove them first");
    }
    items.forgetRiskLinks(id);
    items.deleteById(id);
    items.shiftSiblings(programmeId, before.parentId(), before.position() + 1, -1, id);
    audit.record(RECORD_TYPE, id, "DELETED", view(programme, before), null);
    outbox.append(
        PlanItemSaved.TOPIC,
        council,
        PlanItemRemoved.TYPE,
        1,
        id.toString(),
        new PlanItemRemoved(id, programmeId));
  }

  /** The item as it now stands, for readers of the plan that do not call back. */
  private void announce(CouncilSlug council, Programme programme, PlanItem item) {
    String[] levels = programme.levelNames();
    outbox.append(
        PlanItemSaved.TOPIC,
        council,
        PlanItemSaved.TYPE,
        1,
        item.id().toString(),
        new PlanItemSaved(
            item.id(),
            item.programmeId(),
            item.parentId(),
            item.ref(),
            item.title(),
            item.depth() + 1,
            levels[Math.min(item.depth(), levels.length - 1)]));
  }

  @Transactional
  public PlanItemView item(UUID programmeId, UUID id) {
    Programme programme = requireProgramme(programmeId);
    return view(programme, requireItem(programme, id, "id"));
  }

  /** Every item of the programme, top level first, each level in order. */
  @Transactional
  public List<PlanItemView> items(UUID programmeId) {
    Programme programme = requireProgramme(programmeId);
    return items.inProgramme(programmeId).stream().map(item -> view(programme, item)).toList();
  }

  /**
   * The whole tree in two statements: every item, then every action, assembled in memory.
   *
   * <p>Plain JDBC on the caller's transaction, columns by position, straight into the nodes: the
   * tree is read again at every plan revision, and mapping its 600 action rows through the
   * repositories' entity mapper (annotation metadata looked up per column and row) was a quarter of
   * the plans service's CPU under the session 9 soak, where every progress report moves the
   * revision.
   */
  @Transactional
  public PlanTreeView tree(CouncilSlug council, UUID programmeId) {
    Programme programme = requireProgramme(programmeId);
    String[] levels = programme.levelNames();
    Map<UUID, List<TreeNode>> childrenOf = new HashMap<>();
    List<TreeNode> roots = new ArrayList<>();
    // the schema name is a validated slug's: safe to place in SQL
    String schema = council.schemaName();
    Connection connection = transactions.getConnection();
    try (PreparedStatement itemRows =
            connection.prepareStatement(
                "SELECT id, parent_id, ref, title, depth, position, owner, success_criteria FROM "
                    + schema
                    + ".plan_item WHERE programme_id = ? ORDER BY depth, position, ref");
        PreparedStatement actionRows =
            connection.prepareStatement(
                "SELECT id, parent_id, ref, title, position, lead_name, success_criteria,"
                    + " rag_status, COALESCE(revised_due_date, due_date), withdrawn_on FROM "
                    + schema
                    + ".improvement_action WHERE programme_id = ?"
                    + " ORDER BY parent_id NULLS FIRST, position, ref")) {
      itemRows.setObject(1, programmeId);
      try (ResultSet row = itemRows.executeQuery()) {
        while (row.next()) {
          UUID id = row.getObject(1, UUID.class);
          UUID parentId = row.getObject(2, UUID.class);
          int depth = row.getInt(5);
          List<TreeNode> children = new ArrayList<>();
          childrenOf.put(id, children);
          TreeNode node =
              new TreeNode(
                  "ITEM",
                  id,
                  row.getString(3),
                  row.getString(4),
                  depth,
                  levels[Math.min(depth, levels.length - 1)],
                  row.getInt(6),
                  row.getString(7),
                  row.getString(8),
                  null,
                  null,
                  children,
                  null);
          (parentId == null ? roots : childrenOf.get(parentId)).add(node);
        }
      }
      String actionLevel = levels[levels.length - 1];
      actionRows.setObject(1, programmeId);
      try (ResultSet row = actionRows.executeQuery()) {
        while (row.next()) {
          UUID parentId = row.getObject(2, UUID.class);
          TreeNode leaf =
              new TreeNode(
                  "ACTION",
                  row.getObject(1, UUID.class),
                  row.getString(3),
                  row.getString(4),
                  levels.length - 1,
                  actionLevel,
                  row.getInt(5),
                  row.getString(6),
                  row.getString(7),
                  row.getString(8),
                  row.getObject(9, LocalDate.class),
                  List.of(),
                  row.getObject(10, LocalDate.class));
          (parentId == null ? roots : childrenOf.get(parentId)).add(leaf);
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("The plan tree could not be read: " + e.getMessage(), e);
    }
    return new PlanTreeView(programmeId, List.of(levels), roots);
  }

  private String freeRef(UUID programmeId, PlanItem parent, int position) {
    String prefix = parent == null ? "" : parent.ref() + ".";
    for (int number = position + 1; ; number++) {
      String candidate = prefix + number;
      if (!items.refTaken(programmeId, candidate)) {
        return candidate;
      }
    }
  }

  private Programme requireProgramme(UUID id) {
    return programmes.findById(id).orElseThrow(() -> ProblemException.notFound("Programme " + id));
  }

  private PlanItem requireItem(Programme programme, UUID id, String field) {
    return items
        .findById(id)
        .filter(item -> item.programmeId().equals(programme.id()))
        .orElseThrow(
            () ->
                "id".equals(field)
                    ? ProblemException.notFound("Plan item " + id)
                    : ProblemException.invalidField(field, "no such item in this programme"));
  }

  private static PlanItemView view(Programme programme, PlanItem item) {
    String[] levels = programme.levelNames();
    return PlanItemView.of(item, levels[Math.min(item.depth(), levels.length - 1)]);
  }
}
