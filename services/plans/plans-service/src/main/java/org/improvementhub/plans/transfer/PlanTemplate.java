package org.improvementhub.plans.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.tabular.TabularFile;

/**
 * The columns of the plan template and what each means; the same words make the {@code Guide} sheet
 * of an XLSX file and the notes of the empty template. See {@code /work/briefs/r3/plan-template.md}
 * for the contract with the demo plans.
 */
final class PlanTemplate {

  static final String CSV = TabularFile.CSV;
  static final String XLSX = TabularFile.XLSX;

  /** Every column, in the order an export writes them. */
  static final Map<String, String> GUIDE = guide();

  static final List<String> COLUMNS = List.copyOf(GUIDE.keySet());

  /** Settings a PROGRAMME row may carry, and what each means. */
  static final Map<String, String> SETTINGS = settings();

  private PlanTemplate() {}

  private static Map<String, String> guide() {
    Map<String, String> guide = new LinkedHashMap<>();
    guide.put(
        "record",
        "What the row is: PROGRAMME (one setting of the programme), ITEM (a level of the plan above"
            + " the actions), DRIVER (an Ofsted recommendation, Improvement Notice item, peer-review"
            + " finding...), ACTION, or PROGRESS (a progress report of an action).");
    guide.put(
        "ref",
        "ITEM, DRIVER, ACTION: the record's ref, unique in the plan (items and actions share"
            + " refs), e.g. 2.1, OR 13, 2.1.3. PROGRESS: the ref of its ACTION.");
    guide.put(
        "parent_ref",
        "ITEM: the ref of the ITEM above it (empty at the top level). ACTION: the ITEM of the level"
            + " just above the actions (empty when the plan has one level).");
    guide.put("title", "ITEM, ACTION: its title. DRIVER: the recommendation's own words.");
    guide.put("description", "ITEM, DRIVER, ACTION: more words, optional.");
    guide.put("success_criteria", "ITEM, ACTION: what will be different when it is done.");
    guide.put("owner", "ITEM: who owns it (a name or a role).");
    guide.put(
        "leads",
        "ACTION: one or more leads separated by ';', each 'Name <email>' optionally followed by"
            + " ' (role or team)'.");
    guide.put("start_date", "ACTION: yyyy-MM-dd, optional.");
    guide.put("due_date", "ACTION: yyyy-MM-dd, required.");
    guide.put("revised_due_date", "ACTION: yyyy-MM-dd, with revision_reason (both or neither).");
    guide.put("revision_reason", "ACTION: why the due date moved.");
    guide.put("completed_on", "ACTION: yyyy-MM-dd; only a Blue action is complete.");
    guide.put(
        "rag",
        "ACTION: BLUE (complete), GREEN (on track), AMBER (off track, recovery plan), RED (needs"
            + " board attention) or GREY (not yet due to start), when it has no PROGRESS rows;"
            + " GREY if empty. PROGRESS: the period's RAG, required.");
    guide.put("period", "PROGRESS: the reporting period, yyyy-MM, one of the programme's periods.");
    guide.put("review_note", "PROGRESS: the review note.");
    guide.put("reported_by", "PROGRESS: who reported ('Name <email>' or a name).");
    guide.put("reported_on", "PROGRESS: yyyy-MM-dd, the day of the report.");
    guide.put("drivers", "ACTION: the refs of the DRIVER rows it answers, separated by ';'.");
    guide.put(
        "driver_kind",
        "DRIVER: OFSTED_RECOMMENDATION, IMPROVEMENT_NOTICE, PEER_REVIEW or OTHER, required.");
    guide.put(
        "timeframe", "DRIVER: IMMEDIATELY, WITHIN_3_MONTHS, WITHIN_6_MONTHS or OTHER; optional.");
    guide.put("evidence", "ACTION: links to evidence, separated by ';'.");
    guide.put("setting", "PROGRAMME: the setting's name (see the settings below).");
    guide.put("value", "PROGRAMME: the setting's value.");
    return guide;
  }

  private static Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("name", "The programme's name, required.");
    settings.put(
        "trigger_kind", "OFSTED_INSPECTION, IMPROVEMENT_NOTICE, PEER_REVIEW or OTHER, required.");
    settings.put(
        "trigger_date", "yyyy-MM-dd; required for an inspection or an Improvement Notice.");
    settings.put("trigger_judgement", "e.g. Inadequate.");
    settings.put("trigger_description", "What happened, in the council's words.");
    settings.put("improvement_board", "The board that oversees the programme.");
    settings.put("reporting_cadence", "MONTHLY (the default) or QUARTERLY.");
    settings.put("programme_manager", "'Name <email>', required.");
    settings.put(
        "level_names",
        "1 to 4 names separated by ';', the last is the action level, e.g. 'Pillar; Outcome;"
            + " Action'; required.");
    settings.put("start_date", "yyyy-MM-dd, required.");
    settings.put("end_date", "yyyy-MM-dd, optional.");
    settings.put("rag_description_blue", "The council's own words for Blue, optional.");
    settings.put("rag_description_green", "The council's own words for Green, optional.");
    settings.put("rag_description_amber", "The council's own words for Amber, optional.");
    settings.put("rag_description_red", "The council's own words for Red, optional.");
    settings.put("rag_description_grey", "The council's own words for Grey, optional.");
    return settings;
  }
}
