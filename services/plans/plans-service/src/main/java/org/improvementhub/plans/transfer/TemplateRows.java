package org.improvementhub.plans.transfer;

import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Plan template rows made elsewhere (the onboarding of a council's Word plan) imported exactly as
 * an uploaded template file would be: written as the template's CSV and read back through {@link
 * PlanSheets} and {@link PlanReading}, so the rules, the error fields ({@code rows[5].due_date},
 * the row numbers of the downloadable template) and the all-or-nothing import are the same.
 */
@Singleton
public class TemplateRows {

  public static final String CSV = "text/csv";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final PlanImport imports;

  public TemplateRows(PlanImport imports) {
    this.imports = imports;
  }

  /** Runs the template import on {@code rows} (each keyed by template column). */
  public ImportOutcome importRows(
      CouncilSlug council, List<Map<String, String>> rows, boolean dryRun) {
    return imports.importPlan(
        council, PlanSheets.read(PlanSheets.csv(rows), PlanTemplate.CSV), dryRun);
  }

  /** The rows as a template file: {@code csv} or {@code xlsx} (Plan and Guide sheets). */
  public static HttpResponse<byte[]> file(
      String format, List<Map<String, String>> rows, String name) {
    return PlanTemplateController.file(PlanTemplateController.kind(format, null), rows, name);
  }

  /** The template's columns, in order. */
  public static List<String> columns() {
    return PlanTemplate.COLUMNS;
  }
}
