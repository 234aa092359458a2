package org.improvementhub.plans.transfer;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.improvementhub.plans.action.NewAction;
import org.improvementhub.plans.action.RagStatus;
import org.improvementhub.plans.driver.DriverKind;
import org.improvementhub.plans.driver.DriverTimeframe;
import org.improvementhub.plans.programme.Programme;
import org.improvementhub.plans.programme.ProgrammeRequest;
import org.improvementhub.plans.programme.ReportingCadence;
import org.improvementhub.plans.programme.TriggerKind;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemException;

/**
 * Checks every row of a plan file and turns it into an {@link ImportedPlan}, or reports every
 * problem found, each named {@code rows[<row>].<column>} with the row number a spreadsheet shows.
 * The rules are those of the API (the same ref patterns, lengths, levels and periods), so an
 * imported plan can be changed through the API afterwards.
 */
final class PlanReading {

  private static final Pattern ITEM_REF = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9. \\-]*$");
  private static final Pattern ACTION_REF = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9.\\-]*$");
  private static final Pattern PERSON =
      Pattern.compile("^(.+?)\\s*<([^<>\\s]+)>\\s*(?:\\((.*)\\))?$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$");
  private static final Pattern PERIOD = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");
  private static final int MOST_REF = 20;
  private static final int MOST_TITLE = 500;
  private static final int MOST_TEXT = 5000;
  private static final int MOST_NOTE = 10_000;

  private final List<Problem.FieldError> errors = new ArrayList<>();
  private final String importer;

  private final Map<String, Setting> settings = new LinkedHashMap<>();
  private final List<RawItem> items = new ArrayList<>();
  private final List<RawDriver> drivers = new ArrayList<>();
  private final List<RawAction> actions = new ArrayList<>();
  private final List<RawProgress> progress = new ArrayList<>();

  private PlanReading(String importer) {
    this.importer = importer;
  }

  /**
   * @param importer who is importing: the reporter of progress rows that name nobody
   * @throws ProblemException 400 listing every problem; then nothing may be stored
   */
  static ImportedPlan read(PlanSheets.Sheet sheet, String importer) {
    return new PlanReading(importer).check(sheet);
  }

  private ImportedPlan check(PlanSheets.Sheet sheet) {
    checkColumns(sheet.columns());
    if (!errors.isEmpty()) {
      throw invalid();
    }
    if (sheet.rows().isEmpty()) {
      errors.add(new Problem.FieldError("file", "has no rows: see the Guide of the template"));
      throw invalid();
    }
    for (PlanRow row : sheet.rows()) {
      String record = row.cell("record");
      if (record == null) {
        errors.add(
            new Problem.FieldError(
                row.at("record"), "is required: PROGRAMME, ITEM, DRIVER, ACTION or PROGRESS"));
        continue;
      }
      switch (record.toUpperCase(Locale.ROOT)) {
        case "PROGRAMME" -> setting(row);
        case "ITEM" -> item(row);
        case "DRIVER" -> driver(row);
        case "ACTION" -> action(row);
        case "PROGRESS" -> progress(row);
        default ->
            errors.add(
                new Problem.FieldError(
                    row.at("record"),
                    "\"" + record + "\" is not PROGRAMME, ITEM, DRIVER, ACTION or PROGRESS"));
      }
    }
    ProgrammeRequest programme = programme();
    Programme shape = programme == null ? null : shapeOf(programme);
    ImportedPlan plan = resolve(programme, shape);
    if (!errors.isEmpty()) {
      throw invalid();
    }
    return plan;
  }

  private void checkColumns(List<String> columns) {
    Set<String> seen = new HashSet<>();
    for (String column : columns) {
      if (column.isEmpty()) {
        errors.add(new Problem.FieldError("columns", "a column has no name in the header row"));
      } else if (!PlanTemplate.GUIDE.containsKey(column)) {
        errors.add(
            new Problem.FieldError(
                "columns",
                "\""
                    + column
                    + "\" is not a column of the plan template: "
                    + String.join(", ", PlanTemplate.COLUMNS)));
      } else if (!seen.add(column)) {
        errors.add(new Problem.FieldError("columns", "\"" + column + "\" appears twice"));
      }
    }
    if (!columns.contains("record")) {
      errors.add(new Problem.FieldError("columns", "must include record"));
    }
  }

  // ---- rows, one kind at a time -------------------------------------------------------------

  private void setting(PlanRow row) {
    String name = row.cell("setting");
    if (name == null) {
      errors.add(new Problem.FieldError(row.at("setting"), "is required on a PROGRAMME row"));
      return;
    }
    String key = name.toLowerCase(Locale.ROOT);
    if (!PlanTemplate.SETTINGS.containsKey(key)) {
      errors.add(
          new Problem.FieldError(
              row.at("setting"),
              "\""
                  + name
                  + "\" is not a programme setting: "
                  + String.join(", ", PlanTemplate.SETTINGS.keySet())));
      return;
    }
    Setting earlier = settings.putIfAbsent(key, new Setting(row, row.cell("value")));
    if (earlier != null) {
      errors.add(
          new Problem.FieldError(
              row.at("setting"), "repeats the " + key + " of row " + earlier.row().row()));
    }
  }

  private void item(PlanRow row) {
    String ref = ref(row, ITEM_REF, "letters, digits, spaces, dots and hyphens, such as 2.1");
    String title = text(row, "title", MOST_TITLE, true);
    String description = text(row, "description", MOST_TEXT, false);
    String criteria = text(row, "success_criteria", MOST_TEXT, false);
    String owner = text(row, "owner", 300, false);
    items.add(new RawItem(row, ref, row.cell("parent_ref"), title, description, criteria, owner));
  }

  private void driver(PlanRow row) {
    String ref =
        ref(row, ITEM_REF, "letters, digits, spaces, dots and hyphens, such as OR 13 or IN 3.1");
    DriverKind kind = choice(row, "driver_kind", DriverKind.class, true);
    String title = text(row, "title", MOST_TEXT, true);
    String description = text(row, "description", MOST_TEXT, false);
    DriverTimeframe timeframe = choice(row, "timeframe", DriverTimeframe.class, false);
    drivers.add(new RawDriver(row, ref, kind, title, description, timeframe));
  }

  private void action(PlanRow row) {
    String ref = ref(row, ACTION_REF, "letters, digits, dots and hyphens, such as 2.1.3");
    String title = text(row, "title", MOST_TITLE, true);
    String description = text(row, "description", MOST_TEXT, false);
    String criteria = text(row, "success_criteria", MOST_TEXT, false);
    List<NewAction.Lead> leads = leads(row);
    LocalDate start = date(row, "start_date", false);
    LocalDate due = date(row, "due_date", true);
    LocalDate revised = date(row, "revised_due_date", false);
    String reason = text(row, "revision_reason", 2000, false);
    LocalDate completed = date(row, "completed_on", false);
    RagStatus rag = choice(row, "rag", RagStatus.class, false);
    if (revised != null && reason == null) {
      errors.add(
          new Problem.FieldError(row.at("revision_reason"), "give the reason the date moved"));
    }
    if (revised == null && reason != null) {
      errors.add(
          new Problem.FieldError(
              row.at("revised_due_date"), "give the revised due date this reason explains"));
    }
    if (start != null && due != null && due.isBefore(start)) {
      errors.add(new Problem.FieldError(row.at("due_date"), "must not be before the start date"));
    }
    if (start != null && revised != null && revised.isBefore(start)) {
      errors.add(
          new Problem.FieldError(row.at("revised_due_date"), "must not be before the start date"));
    }
    List<String> evidence = list(row.cell("evidence"));
    if (evidence.size() > 50 || evidence.stream().anyMatch(link -> link.length() > 2000)) {
      errors.add(
          new Problem.FieldError(
              row.at("evidence"), "at most 50 links of at most 2000 characters each"));
    }
    actions.add(
        new RawAction(
            row,
            ref,
            row.cell("parent_ref"),
            title,
            description,
            criteria,
            leads,
            start,
            due,
            revised,
            reason,
            completed,
            rag,
            new ArrayList<>(new LinkedHashSet<>(list(row.cell("drivers")))),
            evidence));
  }

  private void progress(PlanRow row) {
    String ref = row.cell("ref");
    if (ref == null) {
      errors.add(new Problem.FieldError(row.at("ref"), "give the ref of the ACTION reported on"));
    }
    String period = row.cell("period");
    if (period == null) {
      errors.add(new Problem.FieldError(row.at("period"), "is required, such as 2013-10"));
    } else if (!PERIOD.matcher(period).matches()) {
      errors.add(
          new Problem.FieldError(
              row.at("period"),
              "must be a reporting period such as 2013-10, not \"" + period + "\""));
      period = null;
    }
    RagStatus rag = choice(row, "rag", RagStatus.class, true);
    String note = text(row, "review_note", MOST_NOTE, false);
    String by = text(row, "reported_by", 300, false);
    LocalDate on = date(row, "reported_on", false);
    progress.add(new RawProgress(row, ref, period, rag, note, by == null ? importer : by, on));
  }

  // ---- the programme --------------------------------------------------------------------------

  @Nullable
  private ProgrammeRequest programme() {
    int before = errors.size();
    for (String required :
        List.of("name", "trigger_kind", "programme_manager", "level_names", "start_date")) {
      if (settings.get(required) == null || settings.get(required).value() == null) {
        errors.add(
            new Problem.FieldError(
                "programme." + required,
                "is required: add a PROGRAMME row with setting " + required + " and its value"));
      }
    }
    String name = settingText("name", 300);
    TriggerKind trigger = settingChoice("trigger_kind", TriggerKind.class);
    LocalDate triggerDate = settingDate("trigger_date");
    String judgement = settingText("trigger_judgement", 100);
    String triggerDescription = settingText("trigger_description", 1000);
    String board = settingText("improvement_board", 300);
    ReportingCadence cadence = settingChoice("reporting_cadence", ReportingCadence.class);
    ProgrammeRequest.Contact manager = null;
    Setting managerSetting = settings.get("programme_manager");
    if (managerSetting != null && managerSetting.value() != null) {
      NewAction.Lead person = person(managerSetting.value());
      if (person == null) {
        errors.add(
            new Problem.FieldError(
                managerSetting.row().at("value"),
                "must be 'Name <email>', not \"" + managerSetting.value() + "\""));
      } else {
        manager = new ProgrammeRequest.Contact(person.name(), person.email());
      }
    }
    List<String> levels = List.of();
    Setting levelSetting = settings.get("level_names");
    if (levelSetting != null && levelSetting.value() != null) {
      levels = list(levelSetting.value());
      if (levels.isEmpty()
          || levels.size() > 4
          || levels.stream().anyMatch(level -> level.length() > 60)) {
        errors.add(
            new Problem.FieldError(
                levelSetting.row().at("value"),
                "give 1 to 4 level names of at most 60 characters, separated by ';', such as"
                    + " 'Pillar; Outcome; Action'"));
      }
    }
    LocalDate start = settingDate("start_date");
    LocalDate end = settingDate("end_date");
    if (start != null && end != null && end.isBefore(start)) {
      errors.add(
          new Problem.FieldError(
              settings.get("end_date").row().at("value"), "must not be before the start date"));
    }
    if (trigger == TriggerKind.OFSTED_INSPECTION || trigger == TriggerKind.IMPROVEMENT_NOTICE) {
      if (triggerDate == null && settings.get("trigger_date") == null) {
        errors.add(
            new Problem.FieldError(
                "programme.trigger_date",
                "is required for an inspection or an Improvement Notice: add a PROGRAMME row"
                    + " with setting trigger_date"));
      }
    }
    Map<RagStatus, String> words = new EnumMap<>(RagStatus.class);
    for (RagStatus rag : RagStatus.values()) {
      String text = settingText("rag_description_" + rag.name().toLowerCase(Locale.ROOT), 500);
      if (text != null) {
        words.put(rag, text);
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new ProgrammeRequest(
        name,
        new ProgrammeRequest.Trigger(trigger, triggerDate, judgement, triggerDescription),
        board,
        cadence,
        manager,
        levels,
        start,
        end,
        words.isEmpty() ? null : words);
  }

  /** A programme that is never stored: only its levels and reporting periods are used. */
  private static Programme shapeOf(ProgrammeRequest r) {
    return new Programme(
        null,
        r.name(),
        r.trigger().kind(),
        r.trigger().date(),
        null,
        null,
        null,
        r.reportingCadence() == null ? ReportingCadence.MONTHLY : r.reportingCadence(),
        r.programmeManager().name(),
        r.programmeManager().email(),
        r.levelNames().toArray(String[]::new),
        r.startDate(),
        r.endDate(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  // ---- references between rows ----------------------------------------------------------------

  private ImportedPlan resolve(@Nullable ProgrammeRequest programme, @Nullable Programme shape) {
    String[] levels = shape == null ? null : shape.levelNames();
    Map<String, PlanRow> refs = new HashMap<>();
    Map<String, RawItem> itemsByRef = new HashMap<>();
    Set<String> actionRefs = new HashSet<>();
    for (RawItem item : items) {
      if (item.ref() != null && unique(refs, item.ref(), item.row())) {
        itemsByRef.put(item.ref(), item);
      }
    }
    for (RawAction action : actions) {
      if (action.ref() != null && unique(refs, action.ref(), action.row())) {
        actionRefs.add(action.ref());
      }
    }
    Map<String, PlanRow> driverRefs = new HashMap<>();
    for (RawDriver driver : drivers) {
      if (driver.ref() != null) {
        unique(driverRefs, driver.ref(), driver.row());
      }
    }

    List<ImportedPlan.Item> checkedItems = new ArrayList<>();
    for (RawItem item : items) {
      Integer depth = depthOf(item, itemsByRef, actionRefs);
      if (depth != null && levels != null && depth > levels.length - 2) {
        errors.add(
            new Problem.FieldError(
                item.row().at(item.parentRef() == null ? "record" : "parent_ref"),
                levels.length == 1
                    ? "this plan has one level (" + levels[0] + "): it has ACTION rows, no ITEM"
                    : "items under a "
                        + levels[depth - 1]
                        + " are actions ("
                        + levels[levels.length - 1]
                        + "): make this row an ACTION"));
      }
      if (depth != null && item.title() != null) {
        checkedItems.add(
            new ImportedPlan.Item(
                item.ref(),
                item.parentRef(),
                depth,
                item.title(),
                item.description(),
                item.successCriteria(),
                item.owner()));
      }
    }

    Map<String, List<RawProgress>> reportsOf = new HashMap<>();
    Map<String, PlanRow> periodsSeen = new HashMap<>();
    for (RawProgress report : progress) {
      if (report.actionRef() == null) {
        continue;
      }
      if (!actionRefs.contains(report.actionRef())) {
        errors.add(
            new Problem.FieldError(
                report.row().at("ref"),
                itemsByRef.containsKey(report.actionRef())
                    ? report.actionRef() + " is an ITEM: progress is reported on actions"
                    : "names no ACTION in the file: " + report.actionRef()));
        continue;
      }
      if (report.period() == null) {
        continue;
      }
      if (shape != null && !shape.hasPeriod(report.period())) {
        errors.add(
            new Problem.FieldError(
                report.row().at("period"),
                report.period() + " is not one of the programme's reporting periods"));
      }
      PlanRow earlier =
          periodsSeen.putIfAbsent(report.actionRef() + "/" + report.period(), report.row());
      if (earlier != null) {
        errors.add(
            new Problem.FieldError(
                report.row().at("period"),
                "repeats row " + earlier.row() + "'s report of this action for this period"));
      }
      reportsOf.computeIfAbsent(report.actionRef(), ref -> new ArrayList<>()).add(report);
    }

    List<ImportedPlan.Action> checkedActions = new ArrayList<>();
    for (RawAction action : actions) {
      checkParent(action, levels, itemsByRef, actionRefs);
      for (String driver : action.driverRefs()) {
        if (!driverRefs.containsKey(driver)) {
          errors.add(
              new Problem.FieldError(
                  action.row().at("drivers"), "names no DRIVER in the file: " + driver));
        }
      }
      List<RawProgress> reports =
          reportsOf.getOrDefault(action.ref(), List.of()).stream()
              .filter(report -> report.rag() != null)
              .sorted(Comparator.comparing(RawProgress::period))
              .toList();
      RawProgress latest = reports.isEmpty() ? null : reports.get(reports.size() - 1);
      RagStatus rag = action.rag() == null ? RagStatus.GREY : action.rag();
      if (latest != null) {
        if (action.rag() != null && action.rag() != latest.rag()) {
          errors.add(
              new Problem.FieldError(
                  action.row().at("rag"),
                  "is "
                      + action.rag()
                      + " but the latest PROGRESS row (row "
                      + latest.row().row()
                      + ", "
                      + latest.period()
                      + ") says "
                      + latest.rag()
                      + ": leave rag empty or make them agree"));
        }
        rag = latest.rag();
      }
      LocalDate completed = action.completedOn();
      if (rag == RagStatus.BLUE && completed == null && latest != null) {
        completed = latest.reportedOn();
      }
      if (rag != RagStatus.BLUE && action.completedOn() != null) {
        errors.add(
            new Problem.FieldError(
                action.row().at("completed_on"),
                "only a Blue (complete) action has a completion date; this one is " + rag));
      }
      if (action.ref() != null
          && action.title() != null
          && action.leads() != null
          && action.dueDate() != null) {
        checkedActions.add(
            new ImportedPlan.Action(
                action.ref(),
                action.parentRef(),
                action.title(),
                action.description(),
                action.successCriteria(),
                action.leads(),
                action.startDate(),
                action.dueDate(),
                action.revisedDueDate(),
                action.revisionReason(),
                completed,
                rag,
                action.driverRefs(),
                action.evidence()));
      }
    }
    if (programme == null || !errors.isEmpty()) {
      return null;
    }
    List<ImportedPlan.Driver> checkedDrivers =
        drivers.stream()
            .map(
                d ->
                    new ImportedPlan.Driver(
                        d.ref(), d.kind(), d.title(), d.description(), d.timeframe()))
            .toList();
    List<ImportedPlan.Progress> checkedProgress =
        progress.stream()
            .map(
                p ->
                    new ImportedPlan.Progress(
                        p.actionRef(),
                        p.period(),
                        p.rag(),
                        p.note(),
                        p.reportedBy(),
                        p.reportedOn()))
            .toList();
    return new ImportedPlan(
        programme, checkedItems, checkedDrivers, checkedActions, checkedProgress);
  }

  private boolean unique(Map<String, PlanRow> seen, String ref, PlanRow row) {
    PlanRow earlier = seen.putIfAbsent(ref, row);
    if (earlier != null) {
      errors.add(
          new Problem.FieldError(
              row.at("ref"), "repeats the ref " + ref + " of row " + earlier.row()));
      return false;
    }
    return true;
  }

  /** The item's depth, following its parents; null (and a problem) when they do not lead up. */
  @Nullable
  private Integer depthOf(RawItem item, Map<String, RawItem> byRef, Set<String> actionRefs) {
    int depth = 0;
    Set<String> visited = new HashSet<>();
    RawItem current = item;
    while (current.parentRef() != null) {
      if (!visited.add(current.ref() == null ? "" : current.ref())) {
        errors.add(
            new Problem.FieldError(item.row().at("parent_ref"), "its parents loop back to itself"));
        return null;
      }
      RawItem parent = byRef.get(current.parentRef());
      if (parent == null) {
        if (current == item) {
          errors.add(
              new Problem.FieldError(
                  item.row().at("parent_ref"),
                  actionRefs.contains(item.parentRef())
                      ? item.parentRef() + " is an ACTION: an item sits under an ITEM"
                      : "names no ITEM in the file: " + item.parentRef()));
        }
        return null;
      }
      current = parent;
      depth++;
      if (depth > 4) {
        errors.add(
            new Problem.FieldError(
                item.row().at("parent_ref"), "its parents loop back or nest too deep"));
        return null;
      }
    }
    return depth;
  }

  private void checkParent(
      RawAction action,
      @Nullable String[] levels,
      Map<String, RawItem> itemsByRef,
      Set<String> actionRefs) {
    if (levels == null) {
      return;
    }
    if (levels.length == 1) {
      if (action.parentRef() != null) {
        errors.add(
            new Problem.FieldError(
                action.row().at("parent_ref"),
                "this plan has one level (" + levels[0] + "): its actions have no parent"));
      }
      return;
    }
    String parentLevel = levels[levels.length - 2];
    if (action.parentRef() == null) {
      errors.add(
          new Problem.FieldError(
              action.row().at("parent_ref"),
              "is required: give the ref of the " + parentLevel + " the action belongs to"));
      return;
    }
    RawItem parent = itemsByRef.get(action.parentRef());
    if (parent == null) {
      errors.add(
          new Problem.FieldError(
              action.row().at("parent_ref"),
              actionRefs.contains(action.parentRef())
                  ? action.parentRef() + " is an ACTION: give the " + parentLevel
                  : "names no ITEM in the file: " + action.parentRef()));
      return;
    }
    Integer depth = depthQuietly(parent, itemsByRef);
    if (depth != null && depth != levels.length - 2) {
      errors.add(
          new Problem.FieldError(
              action.row().at("parent_ref"),
              action.parentRef() + " is a " + levels[depth] + ": give a " + parentLevel));
    }
  }

  /** The depth of an item whose own problems are reported on its row. */
  @Nullable
  private static Integer depthQuietly(RawItem item, Map<String, RawItem> byRef) {
    int depth = 0;
    RawItem current = item;
    while (current.parentRef() != null) {
      current = byRef.get(current.parentRef());
      depth++;
      if (current == null || depth > 4) {
        return null;
      }
    }
    return depth;
  }

  // ---- cells ----------------------------------------------------------------------------------

  @Nullable
  private String ref(PlanRow row, Pattern pattern, String shape) {
    String ref = row.cell("ref");
    if (ref == null) {
      errors.add(new Problem.FieldError(row.at("ref"), "is required"));
      return null;
    }
    if (ref.length() > MOST_REF || !pattern.matcher(ref).matches()) {
      errors.add(
          new Problem.FieldError(
              row.at("ref"),
              "must be at most " + MOST_REF + " " + shape + ", not \"" + ref + "\""));
      return null;
    }
    return ref;
  }

  @Nullable
  private String text(PlanRow row, String column, int most, boolean required) {
    String text = row.cell(column);
    if (text == null) {
      if (required) {
        errors.add(new Problem.FieldError(row.at(column), "is required"));
      }
      return null;
    }
    if (text.length() > most) {
      errors.add(new Problem.FieldError(row.at(column), "must be at most " + most + " characters"));
      return null;
    }
    return text;
  }

  @Nullable
  private LocalDate date(PlanRow row, String column, boolean required) {
    String text = row.cell(column);
    if (text == null) {
      if (required) {
        errors.add(new Problem.FieldError(row.at(column), "is required, as yyyy-MM-dd"));
      }
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(
          new Problem.FieldError(
              row.at(column), "must be a date as yyyy-MM-dd, not \"" + text + "\""));
      return null;
    }
  }

  @Nullable
  private <E extends Enum<E>> E choice(
      PlanRow row, String column, Class<E> type, boolean required) {
    String text = row.cell(column);
    if (text == null) {
      if (required) {
        errors.add(new Problem.FieldError(row.at(column), "is required: " + names(type)));
      }
      return null;
    }
    E value = parse(text, type);
    if (value == null) {
      errors.add(
          new Problem.FieldError(row.at(column), "\"" + text + "\" is not one of " + names(type)));
    }
    return value;
  }

  @Nullable
  private List<NewAction.Lead> leads(PlanRow row) {
    List<String> given = list(row.cell("leads"));
    if (given.isEmpty()) {
      errors.add(
          new Problem.FieldError(
              row.at("leads"),
              "give at least one lead as 'Name <email>', optionally followed by ' (role)'"));
      return null;
    }
    List<NewAction.Lead> leads = new ArrayList<>();
    for (String text : given) {
      NewAction.Lead lead = person(text);
      if (lead == null) {
        errors.add(
            new Problem.FieldError(
                row.at("leads"),
                "\"" + text + "\" is not 'Name <email>' optionally followed by ' (role)'"));
        return null;
      }
      leads.add(lead);
    }
    if (leads.size() > 20) {
      errors.add(new Problem.FieldError(row.at("leads"), "at most 20 leads"));
      return null;
    }
    return leads;
  }

  /** {@code Name <email> (role)}; null when it is not that shape. */
  @Nullable
  static NewAction.Lead person(String text) {
    Matcher matcher = PERSON.matcher(text.strip());
    if (!matcher.matches()) {
      return null;
    }
    String name = matcher.group(1).strip();
    String email = matcher.group(2).strip();
    String role = matcher.group(3) == null ? null : matcher.group(3).strip();
    if (name.isEmpty()
        || name.length() > 200
        || email.length() > 320
        || !EMAIL.matcher(email).matches()
        || (role != null && role.length() > 200)) {
      return null;
    }
    return new NewAction.Lead(name, email, role == null || role.isEmpty() ? null : role);
  }

  @Nullable
  private String settingText(String key, int most) {
    Setting setting = settings.get(key);
    if (setting == null || setting.value() == null) {
      return null;
    }
    if (setting.value().length() > most) {
      errors.add(
          new Problem.FieldError(
              setting.row().at("value"), "must be at most " + most + " characters"));
      return null;
    }
    return setting.value();
  }

  @Nullable
  private LocalDate settingDate(String key) {
    Setting setting = settings.get(key);
    if (setting == null || setting.value() == null) {
      return null;
    }
    try {
      return LocalDate.parse(setting.value());
    } catch (DateTimeParseException e) {
      errors.add(
          new Problem.FieldError(
              setting.row().at("value"),
              key + " must be a date as yyyy-MM-dd, not \"" + setting.value() + "\""));
      return null;
    }
  }

  @Nullable
  private <E extends Enum<E>> E settingChoice(String key, Class<E> type) {
    Setting setting = settings.get(key);
    if (setting == null || setting.value() == null) {
      return null;
    }
    E value = parse(setting.value(), type);
    if (value == null) {
      errors.add(
          new Problem.FieldError(
              setting.row().at("value"),
              key + " \"" + setting.value() + "\" is not one of " + names(type)));
    }
    return value;
  }

  @Nullable
  private static <E extends Enum<E>> E parse(String text, Class<E> type) {
    String name = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> constant.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static String names(Class<? extends Enum<?>> type) {
    return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
  }

  /** {@code a; b ;c} as {@code [a, b, c]}, empty parts dropped. */
  static List<String> list(@Nullable String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private ProblemException invalid() {
    String detail =
        "Nothing was imported: "
            + errors.size()
            + (errors.size() == 1 ? " problem" : " problems")
            + " to put right";
    return new ProblemException(Problem.invalid(detail, List.copyOf(errors)));
  }

  private record Setting(PlanRow row, @Nullable String value) {}

  private record RawItem(
      PlanRow row,
      @Nullable String ref,
      @Nullable String parentRef,
      @Nullable String title,
      @Nullable String description,
      @Nullable String successCriteria,
      @Nullable String owner) {}

  private record RawDriver(
      PlanRow row,
      @Nullable String ref,
      @Nullable DriverKind kind,
      @Nullable String title,
      @Nullable String description,
      @Nullable DriverTimeframe timeframe) {}

  private record RawAction(
      PlanRow row,
      @Nullable String ref,
      @Nullable String parentRef,
      @Nullable String title,
      @Nullable String description,
      @Nullable String successCriteria,
      @Nullable List<NewAction.Lead> leads,
      @Nullable LocalDate startDate,
      @Nullable LocalDate dueDate,
      @Nullable LocalDate revisedDueDate,
      @Nullable String revisionReason,
      @Nullable LocalDate completedOn,
      @Nullable RagStatus rag,
      List<String> driverRefs,
      List<String> evidence) {}

  private record RawProgress(
      PlanRow row,
      @Nullable String actionRef,
      @Nullable String period,
      @Nullable RagStatus rag,
      @Nullable String note,
      String reportedBy,
      @Nullable LocalDate reportedOn) {}
}
