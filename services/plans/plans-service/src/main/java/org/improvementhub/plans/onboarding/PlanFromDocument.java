package org.improvementhub.plans.onboarding;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.improvementhub.plans.documents.Flag;
import org.improvementhub.plans.documents.Origin;
import org.improvementhub.plans.documents.Proposal;
import org.improvementhub.plans.documents.ProposedAction;
import org.improvementhub.plans.documents.ProposedDriver;
import org.improvementhub.plans.documents.ProposedItem;
import org.improvementhub.web.problem.ProblemException;

/**
 * A proposal turned into plan template rows, filling what the template needs and the document does
 * not give (the programme's settings, leads' emails, drivers' words, missing due dates) and
 * flagging every such fill, so the import that follows is the template's own.
 *
 * @param settings the programme settings proposed (the caller's choices win)
 * @param rows the template rows, PROGRAMME first
 * @param flags what was filled in, beside the reader's own flags
 */
record PlanFromDocument(
    Map<String, String> settings, List<Map<String, String>> rows, List<Flag> flags) {

  private static final int MOST_TEXT = 5000;
  private static final Origin DOCUMENT = new Origin(0, 0, 0, "");

  /** What the council already has that the document's names and refs can be matched to. */
  record Known(
      Map<String, String> leadEmails,
      Map<String, String[]> drivers,
      java.util.Set<String> matched) {}

  static PlanFromDocument of(
      String council,
      String fileName,
      Proposal proposal,
      Map<String, String> chosen,
      Known known,
      String actor,
      LocalDate today) {
    List<Flag> flags = new ArrayList<>();
    Map<String, String> settings = new LinkedHashMap<>();
    List<LocalDate> dates =
        proposal.actions().stream()
            .flatMap(a -> Stream.of(a.start(), a.due()))
            .filter(Objects::nonNull)
            .sorted()
            .toList();
    String name =
        proposal.title() != null ? proposal.title() : fileName.replaceAll("\\.docx?$", "");
    setting(settings, flags, chosen, "name", name, "taken from the document's title");
    setting(
        settings,
        flags,
        chosen,
        "trigger_kind",
        "OTHER",
        "what triggered the programme is not in the document: OTHER until you choose");
    setting(settings, flags, chosen, "reporting_cadence", "MONTHLY", null);
    String local = actor.contains("@") ? actor.substring(0, actor.indexOf('@')) : actor;
    setting(
        settings,
        flags,
        chosen,
        "programme_manager",
        actor.contains("@")
            ? local + " <" + actor + ">"
            : "Programme Manager <pm@" + council + ".invalid>",
        "you, who uploaded the document");
    setting(
        settings,
        flags,
        chosen,
        "level_names",
        String.join("; ", proposal.levelNames()),
        "from the document's headings and columns");
    LocalDate start = dates.isEmpty() ? today : dates.get(0).withDayOfMonth(1);
    setting(
        settings,
        flags,
        chosen,
        "start_date",
        start.toString(),
        dates.isEmpty()
            ? "the document has no dates: today"
            : "the first of the month of the document's earliest date");
    LocalDate end = dates.isEmpty() ? start.plusYears(1).minusDays(1) : dates.get(dates.size() - 1);
    setting(
        settings,
        flags,
        chosen,
        "end_date",
        end.toString(),
        dates.isEmpty()
            ? "the document has no dates: a year from the start"
            : "the document's latest due date");
    // the council's own RAG wording, from its legend (letters such as "gr" are not descriptions)
    proposal
        .legend()
        .forEach(
            (words, rag) -> {
              String key = "rag_description_" + rag.name().toLowerCase(Locale.ROOT);
              if (words.length() > 2 && !settings.containsKey(key)) {
                setting(
                    settings,
                    flags,
                    chosen,
                    key,
                    Character.toUpperCase(words.charAt(0)) + words.substring(1),
                    "from the document's RAG legend");
              }
            });
    chosen.forEach((key, value) -> settings.putIfAbsent(key, value));
    LocalDate programmeEnd = dateSetting(settings, "end_date");
    LocalDate programmeStart = dateSetting(settings, "start_date");

    List<Map<String, String>> rows = new ArrayList<>();
    settings.forEach(
        (key, value) -> rows.add(row("record", "PROGRAMME", "setting", key, "value", value)));

    Map<String, String> madeUp = new HashMap<>();
    for (ProposedDriver driver : proposal.drivers()) {
      String[] existing = known.drivers().get(driver.ref());
      if (existing != null) {
        known.matched().add(driver.ref());
        flags.add(
            new Flag(
                Flag.Kind.GUESSED,
                driver.ref(),
                "driver",
                driver.origin(),
                driver.ref(),
                "the council already has "
                    + driver.ref()
                    + " ("
                    + existing[1]
                    + "): its words are used"));
      }
      rows.add(
          row(
              "record",
              "DRIVER",
              "ref",
              driver.ref(),
              "driver_kind",
              existing == null ? driver.kind() : existing[0],
              "title",
              existing == null ? driver.ref() : existing[1],
              "description",
              "Cited in the council's plan document at " + driver.origin().describe() + "."));
    }
    for (ProposedItem item : proposal.items()) {
      rows.add(
          row(
              "record",
              "ITEM",
              "ref",
              item.ref(),
              "parent_ref",
              nz(item.parentRef()),
              "title",
              item.title(),
              "description",
              text(item.ref(), "description", item.description(), item.origin(), flags),
              "success_criteria",
              text(item.ref(), "success_criteria", item.successCriteria(), item.origin(), flags),
              "owner",
              cut(nz(item.owner()), 300)));
    }
    YearMonth period = YearMonth.from(today.isAfter(programmeEnd) ? programmeEnd : today);
    if (period.isBefore(YearMonth.from(programmeStart))) {
      period = YearMonth.from(programmeStart);
    }
    boolean periodFlagged = false;
    for (ProposedAction action : proposal.actions()) {
      List<String> leads = new ArrayList<>();
      for (String lead : action.leads()) {
        leads.add(person(council, lead, known, madeUp, flags, action));
      }
      if (leads.isEmpty()) {
        leads.add(settings.get("programme_manager"));
        flags.add(
            new Flag(
                Flag.Kind.GUESSED,
                action.ref(),
                "leads",
                action.origin(),
                "",
                "no lead in the document: the programme manager until you choose"));
      }
      LocalDate due = action.due();
      if (due == null) {
        due = programmeEnd;
        flags.add(
            new Flag(
                Flag.Kind.GUESSED,
                action.ref(),
                "due",
                action.origin(),
                action.timescaleText(),
                "no due date read: the programme's end date, " + due + ", until you choose"));
      }
      LocalDate actionStart =
          action.start() != null && !action.start().isAfter(due) ? action.start() : null;
      String note =
          Stream.of(action.reviewNote(), action.statusNote())
              .filter(Objects::nonNull)
              .reduce((a, b) -> a + "\n" + b)
              .orElse(null);
      String description = action.description();
      boolean progress = action.rag() != null && note != null;
      if (note != null && action.rag() == null) {
        description = description == null ? "Status: " + note : description + "\nStatus: " + note;
      }
      rows.add(
          row(
              "record",
              "ACTION",
              "ref",
              action.ref(),
              "parent_ref",
              nz(action.parentRef()),
              "title",
              action.title(),
              "description",
              text(action.ref(), "description", description, action.origin(), flags),
              "success_criteria",
              text(
                  action.ref(),
                  "success_criteria",
                  action.successCriteria(),
                  action.origin(),
                  flags),
              "leads",
              String.join("; ", leads),
              "start_date",
              actionStart == null ? "" : actionStart.toString(),
              "due_date",
              due.toString(),
              "rag",
              action.rag() == null || progress ? "" : action.rag().name(),
              "drivers",
              String.join("; ", action.drivers())));
      if (progress) {
        rows.add(
            row(
                "record",
                "PROGRESS",
                "ref",
                action.ref(),
                "period",
                period.toString(),
                "rag",
                action.rag().name(),
                "review_note",
                cut(note, 10_000)));
        if (!periodFlagged) {
          flags.add(
              new Flag(
                  Flag.Kind.GUESSED,
                  "",
                  "period",
                  DOCUMENT,
                  "",
                  "the document's RAGs and review notes do not say their month: reported for "
                      + period));
          periodFlagged = true;
        }
      }
    }
    return new PlanFromDocument(settings, rows, flags);
  }

  private static void setting(
      Map<String, String> settings,
      List<Flag> flags,
      Map<String, String> chosen,
      String key,
      String proposed,
      String why) {
    String mine = chosen.get(key);
    if (mine != null && !mine.isBlank()) {
      settings.put(key, mine.strip());
      return;
    }
    settings.put(key, proposed);
    if (why != null) {
      flags.add(
          new Flag(Flag.Kind.GUESSED, "", "programme." + key, DOCUMENT, "", proposed + ": " + why));
    }
  }

  /** A lead as the template writes one: a known person's email, or one made up and flagged. */
  private static String person(
      String council,
      String lead,
      Known known,
      Map<String, String> madeUp,
      List<Flag> flags,
      ProposedAction action) {
    String name = lead.replaceAll("\\s*\\(.*\\)\\s*$", "").replaceAll("[<>]", "").strip();
    String role =
        lead.length() > name.length() && lead.contains("(")
            ? lead.substring(
                lead.indexOf('(') + 1,
                lead.lastIndexOf(')') > lead.indexOf('(') ? lead.lastIndexOf(')') : lead.length())
            : null;
    if (name.isEmpty()) {
      name = lead.replaceAll("[<>()]", "").strip();
    }
    String email = known.leadEmails().get(name.toLowerCase(Locale.ROOT));
    if (email == null) {
      email = madeUp.get(name);
      if (email == null) {
        String local =
            name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
        email = (local.isEmpty() ? "lead" : local) + "@" + council + ".invalid";
        madeUp.put(name, email);
        flags.add(
            new Flag(
                Flag.Kind.GUESSED,
                action.ref(),
                "leads",
                action.origin(),
                lead,
                "no email for "
                    + name
                    + " in the document or among the council's leads: "
                    + email
                    + " until you give the real one"));
      }
    }
    return cut(name, 200)
        + " <"
        + email
        + ">"
        + (role == null || role.isBlank() ? "" : " (" + cut(role.strip(), 200) + ")");
  }

  private static String text(
      String ref, String field, String text, Origin origin, List<Flag> flags) {
    if (text == null) {
      return "";
    }
    if (text.length() > MOST_TEXT) {
      flags.add(
          new Flag(
              Flag.Kind.GUESSED,
              ref,
              field,
              origin,
              "",
              "longer than the plan keeps (" + MOST_TEXT + " characters): shortened"));
      return text.substring(0, MOST_TEXT - 1) + "…";
    }
    return text;
  }

  private static String cut(String text, int most) {
    return text.length() > most ? text.substring(0, most - 1) + "…" : text;
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }

  private static Map<String, String> row(String... pairs) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put(pairs[i], pairs[i + 1]);
    }
    return row;
  }

  /**
   * A date the person chose or the document gave, refused naming {@code settings.<key>} when it is
   * no date (found by {@code PlansFuzzIT}: a start date of {@code 42} was a 500).
   */
  private static LocalDate dateSetting(Map<String, String> settings, String key) {
    String value = settings.get(key);
    try {
      return LocalDate.parse(value == null ? "" : value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField("settings." + key, "must be a date such as 2025-04-01");
    }
  }
}
