package org.improvementhub.bench.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A council's improvement plan of a given size, the same every time for the same council number:
 * six pillars of five outcomes each (the items), and the actions spread evenly beneath the 30
 * outcomes, each with a lead (one of eight people), a due date and a RAG. The load's plans (600
 * actions by default, issue 13's tree) are imported from it as a plan file, and it is written as
 * {@code bench-data.json} so that another system (Redmine, issue 13) can be loaded with exactly the
 * same plans.
 */
public record BenchPlan(
    String slug, String name, int laCode, List<Item> items, List<Action> actions) {

  /** A pillar or an outcome: a heading of the plan, not an action. */
  public record Item(String ref, String title, String parentRef) {}

  /**
   * An action: its lead is an email address, {@code leadName} the person's name, {@code due} an ISO
   * date.
   */
  public record Action(
      String ref,
      String title,
      String lead,
      String leadName,
      String due,
      String rag,
      String parentRef) {}

  static final LocalDate PROGRAMME_START = LocalDate.of(2024, 2, 1);
  static final LocalDate PROGRAMME_END = LocalDate.of(2026, 1, 31);
  private static final LocalDate FIRST_DUE = LocalDate.of(2024, 6, 28);
  private static final String[] RAG = {"GREEN", "GREEN", "AMBER", "RED", "GREY"};
  private static final String[] LEADS = {
    "Lee Lead",
    "Ann Other",
    "Sam Patel",
    "Jo Okafor",
    "Kim Evans",
    "Ravi Shah",
    "Mo Hughes",
    "Ali Khan"
  };
  private static final String[] VERBS = {
    "Audit", "Review", "Embed", "Strengthen", "Train staff on", "Monitor", "Improve", "Publish"
  };
  private static final String[] SUBJECTS = {
    "supervision of social workers",
    "the front door and MASH decisions",
    "care plans for children in care",
    "return home interviews",
    "caseload levels",
    "LADO arrangements",
    "pathway plans for care leavers",
    "quality assurance of child protection plans"
  };

  /** Council number {@code n} (from 1) of a run with plans of {@code actions} actions. */
  public static BenchPlan forCouncil(int n, int actions) {
    String slug = String.format("load-%03d", n);
    String name = String.format("Load Test Council %03d", n);
    List<Item> items = new ArrayList<>();
    for (int p = 1; p <= 6; p++) {
      items.add(new Item(String.valueOf(p), "Pillar " + p, null));
      for (int o = 1; o <= 5; o++) {
        items.add(new Item(p + "." + o, "Outcome " + p + "." + o, String.valueOf(p)));
      }
    }
    List<Action> planned = new ArrayList<>();
    for (int a = 0; a < actions; a++) {
      int outcome = a % 30;
      String parent = (outcome / 5 + 1) + "." + (outcome % 5 + 1);
      String ref = parent + "." + (a / 30 + 1);
      String leadName = LEADS[(a + n) % LEADS.length];
      planned.add(
          new Action(
              ref,
              VERBS[a % VERBS.length] + " " + SUBJECTS[(a / VERBS.length) % SUBJECTS.length],
              leadName.toLowerCase().replace(' ', '.') + "@" + slug + ".bench",
              leadName,
              FIRST_DUE.plusDays((a * 7L) % 540).toString(),
              RAG[a % RAG.length],
              parent));
    }
    // a council's DfE code (100 to 999) is unique; the load's councils are alone in their database
    if (n < 1 || n > 899) {
      throw new IllegalArgumentException("councils are numbered 1 to 899 (one DfE code each)");
    }
    return new BenchPlan(slug, name, 100 + n, List.copyOf(items), List.copyOf(planned));
  }

  /** The plan as the plans service's import file ({@code /programmes/import}, text/csv). */
  public String planFile() {
    StringBuilder csv =
        new StringBuilder(
            "record,ref,parent_ref,title,description,success_criteria,owner,leads,start_date,"
                + "due_date,revised_due_date,revision_reason,completed_on,rag,period,review_note,"
                + "reported_by,reported_on,drivers,driver_kind,timeframe,evidence,setting,value\n");
    setting(csv, "name", name + " improvement plan");
    setting(csv, "trigger_kind", "OFSTED_INSPECTION");
    setting(csv, "trigger_date", "2024-01-15");
    setting(csv, "trigger_judgement", "Inadequate");
    setting(csv, "programme_manager", "Pat Manager <pm@" + slug + ".bench>");
    setting(csv, "level_names", "Pillar; Outcome; Action");
    setting(csv, "start_date", PROGRAMME_START.toString());
    setting(csv, "end_date", PROGRAMME_END.toString());
    for (Item item : items) {
      csv.append("ITEM,")
          .append(item.ref())
          .append(',')
          .append(item.parentRef() == null ? "" : item.parentRef())
          .append(',')
          .append(item.title())
          .append(",,,Director,,,,,,,,,,,,,,,,,\n");
    }
    for (Action action : actions) {
      csv.append("ACTION,")
          .append(action.ref())
          .append(',')
          .append(action.parentRef())
          .append(',')
          .append(action.title())
          .append(",,,,\"")
          .append(action.leadName())
          .append(" <")
          .append(action.lead())
          .append(">\",")
          .append(PROGRAMME_START)
          .append(',')
          .append(action.due())
          .append(",,,,")
          .append(action.rag())
          .append(",,,,,,,,,,\n");
    }
    return csv.toString();
  }

  private static void setting(StringBuilder csv, String setting, String value) {
    csv.append("PROGRAMME,,,,,,,,,,,,,,,,,,,,,,")
        .append(setting)
        .append(',')
        .append(value)
        .append('\n');
  }
}
