package org.improvementhub.plans.onboarding;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.improvementhub.plans.action.ActionChange;
import org.improvementhub.plans.action.ActionLead;
import org.improvementhub.plans.action.ActionLeadRepository;
import org.improvementhub.plans.action.ActionProgressReport;
import org.improvementhub.plans.action.ActionProgressReportRepository;
import org.improvementhub.plans.action.DueDateRevisionRequest;
import org.improvementhub.plans.action.ImprovementAction;
import org.improvementhub.plans.action.ImprovementActionRepository;
import org.improvementhub.plans.action.ImprovementActions;
import org.improvementhub.plans.action.NewAction;
import org.improvementhub.plans.action.ProgressReportRequest;
import org.improvementhub.plans.action.RagStatus;
import org.improvementhub.plans.action.Withdrawal;
import org.improvementhub.plans.audit.AuditTrail;
import org.improvementhub.plans.documents.Origin;
import org.improvementhub.plans.documents.Proposal;
import org.improvementhub.plans.documents.ProposedAction;
import org.improvementhub.plans.documents.ProposedDriver;
import org.improvementhub.plans.documents.ProposedItem;
import org.improvementhub.plans.driver.DriverKind;
import org.improvementhub.plans.driver.DriverRequest;
import org.improvementhub.plans.driver.DriverView;
import org.improvementhub.plans.driver.Drivers;
import org.improvementhub.plans.driver.PlanDriver;
import org.improvementhub.plans.programme.Programme;
import org.improvementhub.plans.programme.ProgrammeRepository;
import org.improvementhub.plans.programme.ReportingPeriod;
import org.improvementhub.plans.tree.NewPlanItem;
import org.improvementhub.plans.tree.PlanItem;
import org.improvementhub.plans.tree.PlanItemChange;
import org.improvementhub.plans.tree.PlanItemRepository;
import org.improvementhub.plans.tree.PlanTree;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * A newer version of a council's Word plan against the programme it already runs: the diff (made
 * from the same template rows a first upload would import, so both read the document alike) and its
 * application through the action service's own paths, so audit entries and events are the ones a
 * person editing the plan would cause. Each change also gets a {@code plan-document} audit entry
 * naming the document.
 */
@Singleton
class Reuploads {

  static final String KEPT =
      "Actions the document no longer lists stay in the plan unless you list their refs in"
          + " \"withdraw\" when applying: withdrawn actions keep their history but are no longer"
          + " counted or chased";
  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final Pattern PERSON = Pattern.compile("^(.*?) <([^>]+)>(?: \\((.*)\\))?$");

  private final ProgrammeRepository programmes;
  private final PlanItemRepository items;
  private final ImprovementActionRepository actions;
  private final ActionLeadRepository leads;
  private final ActionProgressReportRepository reports;
  private final ImprovementActions service;
  private final PlanTree tree;
  private final Drivers drivers;
  private final AuditTrail audit;
  private final Clock clock;

  Reuploads(
      ProgrammeRepository programmes,
      PlanItemRepository items,
      ImprovementActionRepository actions,
      ActionLeadRepository leads,
      ActionProgressReportRepository reports,
      ImprovementActions service,
      PlanTree tree,
      Drivers drivers,
      AuditTrail audit,
      Clock clock) {
    this.programmes = programmes;
    this.items = items;
    this.actions = actions;
    this.leads = leads;
    this.reports = reports;
    this.service = service;
    this.tree = tree;
    this.drivers = drivers;
    this.audit = audit;
    this.clock = clock;
  }

  Programme programme(UUID id) {
    return programmes.findById(id).orElseThrow(() -> ProblemException.notFound("Programme " + id));
  }

  /** The diff of the document's proposal against the programme as it is now. */
  PlanDiff diff(UUID programmeId, Proposal proposal, PlanFromDocument plan) {
    Programme programme = programme(programmeId);
    List<ImprovementAction> current = actions.inProgramme(programmeId);
    Map<String, ImprovementAction> byRef = new LinkedHashMap<>();
    current.forEach(a -> byRef.put(a.ref(), a));
    Map<UUID, List<ActionLead>> leadsOf =
        current.isEmpty()
            ? Map.of()
            : leads.ofAll(current.stream().map(ImprovementAction::id).toList()).stream()
                .collect(Collectors.groupingBy(ActionLead::actionId));
    Map<String, PlanItem> planItems = new LinkedHashMap<>();
    items.inProgramme(programmeId).forEach(i -> planItems.put(i.ref(), i));
    Map<String, UUID> itemIds = new LinkedHashMap<>();
    planItems.forEach((ref, item) -> itemIds.put(ref, item.id()));
    Map<String, ProposedItem> readItems = new LinkedHashMap<>();
    proposal.items().forEach(i -> readItems.putIfAbsent(i.ref(), i));
    List<PlanDiff.AddedItem> addedItems = new ArrayList<>();
    List<PlanDiff.ChangedItem> changedItems = new ArrayList<>();
    Map<String, Map<String, String>> itemRows = new LinkedHashMap<>();
    for (Map<String, String> row : plan.rows()) {
      if ("ITEM".equals(row.get("record"))) {
        itemRows.putIfAbsent(row.get("ref"), row);
      }
    }
    itemRows.forEach(
        (ref, row) -> {
          PlanItem existing = planItems.get(ref);
          Origin origin = readItems.containsKey(ref) ? readItems.get(ref).origin() : null;
          if (existing == null) {
            addedItems.add(
                new PlanDiff.AddedItem(
                    ref,
                    blankAsNull(row.get("parent_ref")),
                    row.get("title"),
                    blankAsNull(row.get("description")),
                    blankAsNull(row.get("success_criteria")),
                    blankAsNull(row.get("owner")),
                    origin));
            return;
          }
          List<PlanDiff.Field> fields = new ArrayList<>();
          given(fields, "title", existing.title(), row.get("title"));
          given(fields, "description", existing.description(), row.get("description"));
          given(fields, "successCriteria", existing.successCriteria(), row.get("success_criteria"));
          given(fields, "owner", existing.owner(), row.get("owner"));
          if (!fields.isEmpty()) {
            changedItems.add(new PlanDiff.ChangedItem(ref, existing.id(), fields, origin));
          }
        });
    List<PlanDiff.RemovedItem> removedItems =
        planItems.values().stream()
            .filter(i -> !itemRows.containsKey(i.ref()))
            .map(i -> new PlanDiff.RemovedItem(i.ref(), i.id(), i.title()))
            .toList();
    Map<String, ProposedAction> read = new LinkedHashMap<>();
    proposal.actions().forEach(a -> read.putIfAbsent(a.ref(), a));
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    Map<String, Map<String, String>> progressRows = new LinkedHashMap<>();
    for (Map<String, String> row : plan.rows()) {
      if ("ACTION".equals(row.get("record"))) {
        rows.putIfAbsent(row.get("ref"), row);
      } else if ("PROGRESS".equals(row.get("record"))) {
        progressRows.putIfAbsent(row.get("ref"), row);
      }
    }
    String period = period(programme);
    List<PlanDiff.Added> added = new ArrayList<>();
    List<PlanDiff.Changed> changed = new ArrayList<>();
    List<PlanDiff.Progress> progress = new ArrayList<>();
    rows.forEach(
        (ref, row) -> {
          ProposedAction action = read.get(ref);
          ImprovementAction existing = byRef.get(ref);
          Map<String, String> report = progressRows.get(ref);
          String rag = report != null ? report.get("rag") : row.get("rag");
          String note = report == null ? null : report.get("review_note");
          if (existing == null) {
            String parent = row.get("parent_ref");
            String problem =
                programme.levelCount() > 1
                        && !itemIds.containsKey(parent)
                        && addedItems.stream().noneMatch(i -> i.ref().equals(parent))
                    ? "its "
                        + programme.levelNames()[programme.levelCount() - 2]
                        + " "
                        + parent
                        + " is not in the plan: add it to the plan first"
                    : null;
            added.add(
                new PlanDiff.Added(
                    ref,
                    parent.isEmpty() ? null : parent,
                    row.get("title"),
                    LocalDate.parse(row.get("due_date")),
                    List.of(row.get("leads").split("; ")),
                    rag.isEmpty() ? null : rag,
                    note,
                    action.origin(),
                    problem));
            return;
          }
          List<PlanDiff.Field> fields = new ArrayList<>();
          if (!existing.title().equals(row.get("title").strip())) {
            fields.add(
                new PlanDiff.Field("title", existing.title(), row.get("title"), action.title()));
          }
          if (action.due() != null && !action.due().equals(existing.effectiveDueDate())) {
            fields.add(
                new PlanDiff.Field(
                    "dueDate",
                    existing.effectiveDueDate().toString(),
                    action.due().toString(),
                    nz(action.timescaleText())));
          }
          if (action.start() != null && !action.start().equals(existing.startDate())) {
            fields.add(
                new PlanDiff.Field(
                    "startDate",
                    existing.startDate() == null ? "" : existing.startDate().toString(),
                    action.start().toString(),
                    nz(action.timescaleText())));
          }
          List<String> before =
              leadsOf.getOrDefault(existing.id(), List.of()).stream()
                  .map(ActionLead::name)
                  .toList();
          List<String> after = people(row.get("leads")).stream().map(NewAction.Lead::name).toList();
          if (!action.leads().isEmpty() && !lower(before).equals(lower(after))) {
            fields.add(
                new PlanDiff.Field(
                    "leads",
                    String.join("; ", before),
                    String.join("; ", after),
                    nz(action.leadsText())));
          }
          given(fields, "description", existing.description(), row.get("description"));
          given(fields, "successCriteria", existing.successCriteria(), row.get("success_criteria"));
          List<String> driversBefore = actions.driverRefs(existing.id());
          List<String> driversAfter = refs(row.get("drivers"));
          if (!driversAfter.isEmpty()
              && !new java.util.TreeSet<>(driversBefore)
                  .equals(new java.util.TreeSet<>(driversAfter))) {
            fields.add(
                new PlanDiff.Field(
                    "drivers",
                    String.join("; ", driversBefore),
                    String.join("; ", driversAfter),
                    String.join(", ", action.drivers())));
          }
          if (!fields.isEmpty()) {
            changed.add(new PlanDiff.Changed(ref, existing.id(), fields, action.origin()));
          }
          String lastNote =
              reports.of(existing.id()).stream()
                  .reduce((a, b) -> b)
                  .map(ActionProgressReport::note)
                  .orElse(null);
          boolean ragChanged = !rag.isEmpty() && !rag.equals(existing.ragStatus().name());
          boolean noteChanged = note != null && !note.equals(lastNote);
          if (ragChanged || noteChanged) {
            progress.add(
                new PlanDiff.Progress(
                    ref,
                    existing.id(),
                    period,
                    existing.ragStatus().name(),
                    rag.isEmpty() ? existing.ragStatus().name() : rag,
                    note,
                    nz(action.statusText()),
                    action.origin()));
          }
        });
    List<PlanDiff.Removed> removed =
        byRef.values().stream()
            .filter(a -> !rows.containsKey(a.ref()))
            .map(a -> new PlanDiff.Removed(a.ref(), a.id(), a.title()))
            .toList();
    return new PlanDiff(
        programmeId,
        basis(programme, current),
        period,
        added,
        changed,
        removed,
        progress,
        KEPT,
        addedItems,
        changedItems,
        removedItems);
  }

  /**
   * Applies the diff in the caller's transaction; 409 when the programme has changed since the diff
   * was made.
   */
  ApplyOutcome apply(
      CouncilSlug council, UUID documentId, String fileName, PlanDiff diff, ApplyRequest request) {
    Programme programme = programme(diff.programmeId());
    if (!basis(programme, actions.inProgramme(programme.id())).equals(diff.basis())) {
      throw ProblemException.of(
          ProblemType.CONFLICT,
          "The programme has changed since this document was compared with it: upload it again");
    }
    List<String> withdraw = request.withdraw() == null ? List.of() : request.withdraw();
    for (int i = 0; i < withdraw.size(); i++) {
      String ref = withdraw.get(i);
      if (diff.removed().stream().noneMatch(r -> r.ref().equals(ref))) {
        throw ProblemException.invalidField(
            "withdraw[" + i + "]", ref + " is not one of the actions the document no longer lists");
      }
    }
    String reason =
        request.reason() == null || request.reason().isBlank()
            ? "No longer in the plan document " + fileName
            : request.reason().strip();
    Map<String, UUID> itemIds = new LinkedHashMap<>();
    items.inProgramme(programme.id()).forEach(i -> itemIds.put(i.ref(), i.id()));
    String because = "Re-uploaded plan document " + fileName;
    // new items in document order: a parent comes before the items and actions under it
    for (PlanDiff.AddedItem item : diff.addedItems()) {
      PlanItem saved =
          tree.add(
              council,
              programme.id(),
              new NewPlanItem(
                  item.parentRef() == null ? null : itemIds.get(item.parentRef()),
                  item.ref(),
                  item.title(),
                  item.description(),
                  item.successCriteria(),
                  item.owner(),
                  null));
      itemIds.put(saved.ref(), saved.id());
      record(documentId, fileName, "ITEM_ADDED", item.ref(), saved.id(), item);
    }
    for (PlanDiff.ChangedItem item : diff.changedItems()) {
      Map<String, String> to = new LinkedHashMap<>();
      item.fields().forEach(f -> to.put(f.field(), f.after()));
      tree.change(
          council,
          programme.id(),
          item.itemId(),
          new PlanItemChange(
              null,
              to.get("title"),
              to.get("description"),
              to.get("successCriteria"),
              to.get("owner")));
      record(documentId, fileName, "ITEM_CHANGED", item.ref(), item.itemId(), item);
    }
    List<DriverView> register = new ArrayList<>(drivers.register());
    for (int i = 0; i < diff.added().size(); i++) {
      PlanDiff.Added added = diff.added().get(i);
      if (added.problem() != null) {
        throw ProblemException.invalidField("added[" + i + "].parentRef", added.problem());
      }
      ImprovementAction saved =
          service.add(
              council,
              new NewAction(
                  added.ref(),
                  added.title(),
                  null,
                  added.leads().stream().map(Reuploads::person).toList(),
                  added.dueDate(),
                  added.rag() == null || added.note() != null
                      ? null
                      : RagStatus.valueOf(added.rag()),
                  programme.id(),
                  added.parentRef() == null ? null : itemIds.get(added.parentRef()),
                  null,
                  null,
                  null,
                  null,
                  null));
      if (added.rag() != null && added.note() != null) {
        service.reportProgress(
            council,
            saved.id(),
            new ProgressReportRequest(
                diff.period(), RagStatus.valueOf(added.rag()), added.note(), null));
      }
      record(documentId, fileName, "ACTION_ADDED", added.ref(), saved.id(), added);
    }
    for (PlanDiff.Changed changed : diff.changed()) {
      Map<String, String> to = new LinkedHashMap<>();
      changed.fields().forEach(f -> to.put(f.field(), f.after()));
      if (to.containsKey("title")
          || to.containsKey("leads")
          || to.containsKey("startDate")
          || to.containsKey("description")
          || to.containsKey("successCriteria")) {
        service.change(
            changed.actionId(),
            new ActionChange(
                to.get("title"),
                to.containsKey("leads") ? people(to.get("leads")) : null,
                to.containsKey("startDate") ? LocalDate.parse(to.get("startDate")) : null,
                to.get("description"),
                to.get("successCriteria"),
                null));
      }
      changed.fields().stream()
          .filter(f -> f.field().equals("drivers"))
          .findFirst()
          .ifPresent(f -> relink(council, programme, changed.actionId(), f, register));
      if (to.containsKey("dueDate")) {
        service.reviseDueDate(
            council,
            changed.actionId(),
            new DueDateRevisionRequest(LocalDate.parse(to.get("dueDate")), because));
      }
      record(documentId, fileName, "ACTION_CHANGED", changed.ref(), changed.actionId(), changed);
    }
    for (PlanDiff.Progress report : diff.progress()) {
      service.reportProgress(
          council,
          report.actionId(),
          new ProgressReportRequest(
              report.period(), RagStatus.valueOf(report.rag()), report.note(), null));
      record(documentId, fileName, "PROGRESS_REPORTED", report.ref(), report.actionId(), report);
    }
    List<String> kept = new ArrayList<>();
    List<String> withdrawn = new ArrayList<>();
    for (PlanDiff.Removed removed : diff.removed()) {
      if (withdraw.contains(removed.ref())) {
        service.withdraw(council, removed.actionId(), new Withdrawal(reason));
        withdrawn.add(removed.ref());
        record(
            documentId, fileName, "ACTION_WITHDRAWN", removed.ref(), removed.actionId(), removed);
      } else {
        kept.add(removed.ref());
        record(documentId, fileName, "ACTION_KEPT", removed.ref(), removed.actionId(), removed);
      }
    }
    return new ApplyOutcome(
        programme.id(),
        diff.added().size(),
        diff.changed().size(),
        diff.progress().size(),
        kept,
        withdrawn);
  }

  /**
   * Links the action to the drivers the document now cites (the programme's own driver of that ref
   * first: a ref may be used by several programmes) and unlinks the ones it no longer cites; a
   * driver the council does not have yet is added with the ref standing in for its words, as a
   * first upload does, and joins the register so the next action citing it finds it.
   */
  private void relink(
      CouncilSlug council,
      Programme programme,
      UUID actionId,
      PlanDiff.Field field,
      List<DriverView> register) {
    List<String> before = refs(field.before());
    List<String> after = refs(field.after());
    for (String ref : after) {
      if (!before.contains(ref)) {
        UUID driver =
            register.stream()
                .filter(d -> d.ref().equals(ref))
                .sorted(
                    java.util.Comparator.comparing(
                        (DriverView d) -> !programme.id().equals(d.programmeId())))
                .map(DriverView::id)
                .findFirst()
                .orElseGet(() -> added(council, programme, ref, register));
        drivers.link(council, driver, actionId);
      }
    }
    for (String ref : before) {
      if (!after.contains(ref)) {
        // the driver of that ref this action is linked to (a ref may be used by several programmes)
        register.stream()
            .filter(d -> d.ref().equals(ref) && d.actionIds().contains(actionId))
            .forEach(d -> drivers.unlink(council, d.id(), actionId));
      }
    }
  }

  private UUID added(
      CouncilSlug council, Programme programme, String ref, List<DriverView> register) {
    PlanDriver saved =
        drivers.add(
            council,
            new DriverRequest(
                DriverKind.valueOf(ProposedDriver.cited(ref, null).kind()),
                ref,
                ref,
                null,
                programme.id(),
                "Cited in the council's plan document."));
    register.add(
        new DriverView(
            saved.id(),
            saved.programmeId(),
            saved.kind(),
            saved.ref(),
            saved.text(),
            saved.description(),
            saved.timeframe(),
            List.of()));
    return saved.id();
  }

  /**
   * A field of the plan differs from the document's when the document gives a value and it is not
   * the plan's: a document that says nothing leaves what the council typed in the hub alone.
   */
  private static void given(
      List<PlanDiff.Field> fields, String field, String before, String after) {
    String now = before == null ? "" : before.strip();
    String then = after == null ? "" : after.strip();
    if (!then.isEmpty() && !then.equals(now)) {
      fields.add(new PlanDiff.Field(field, now, then, then));
    }
  }

  private static List<String> refs(String joined) {
    return joined == null || joined.isBlank()
        ? List.of()
        : java.util.Arrays.stream(joined.split(";"))
            .map(String::strip)
            .filter(r -> !r.isEmpty())
            .toList();
  }

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private void record(
      UUID documentId, String fileName, String change, String ref, UUID actionId, Object what) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("document", documentId.toString());
    after.put("fileName", fileName);
    after.put("ref", ref);
    after.put("actionId", actionId.toString());
    after.put("change", what);
    audit.record("plan-document", documentId, change, null, after);
  }

  /** The month of today if it is one of the programme's periods, else the nearest one. */
  private String period(Programme programme) {
    String now = YearMonth.from(LocalDate.ofInstant(clock.instant(), UK)).toString();
    List<String> keys = programme.periods().stream().map(ReportingPeriod::key).toList();
    String chosen = keys.get(0);
    for (String key : keys) {
      if (key.compareTo(now) <= 0) {
        chosen = key;
      }
    }
    return chosen;
  }

  /** The programme's actions' identities and versions, and its own: any change alters it. */
  private static String basis(Programme programme, List<ImprovementAction> current) {
    String text =
        programme.version()
            + "|"
            + current.stream()
                .map(a -> a.id() + ":" + a.version())
                .sorted()
                .collect(Collectors.joining(","));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Leads as the template writes them: {@code Name <email> (role); …}. */
  private static List<NewAction.Lead> people(String text) {
    List<NewAction.Lead> people = new ArrayList<>();
    for (String one : text.split("; ")) {
      people.add(person(one));
    }
    return people;
  }

  private static NewAction.Lead person(String text) {
    Matcher m = PERSON.matcher(text.strip());
    return m.matches()
        ? new NewAction.Lead(m.group(1), m.group(2), m.group(3))
        : new NewAction.Lead(text.strip(), "lead@invalid.invalid", null);
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
  }

  private static String nz(String text) {
    return Objects.requireNonNullElse(text, "");
  }
}
