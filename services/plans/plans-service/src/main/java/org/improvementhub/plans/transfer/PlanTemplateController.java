package org.improvementhub.plans.transfer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.improvementhub.web.problem.ProblemException;

/**
 * {@code GET /plan-template?format=csv|xlsx}: the empty plan template. The XLSX has the {@code
 * Plan} sheet (the header row) and the {@code Guide} sheet; the CSV has the header row and one
 * example row of each kind. Anyone may read it: it holds no council's data.
 */
@Controller("/plan-template")
@Secured(SecurityRule.IS_ANONYMOUS)
public class PlanTemplateController {

  /**
   * @param format {@code csv} or {@code xlsx}; without it, the {@code Accept} header decides
   */
  @Get
  @Produces({PlanTemplate.CSV, PlanTemplate.XLSX, MediaType.APPLICATION_JSON})
  public HttpResponse<byte[]> template(
      @Nullable @QueryValue String format, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
    String kind = kind(format, accept);
    return file(kind, PlanTemplate.XLSX.equals(kind) ? List.of() : examples(), "plan-template");
  }

  static String kind(@Nullable String format, @Nullable String accept) {
    if (format != null) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "csv" -> PlanTemplate.CSV;
        case "xlsx" -> PlanTemplate.XLSX;
        default -> throw ProblemException.invalidField("format", "must be csv or xlsx");
      };
    }
    return accept != null && accept.contains(PlanTemplate.XLSX)
        ? PlanTemplate.XLSX
        : PlanTemplate.CSV;
  }

  static HttpResponse<byte[]> file(String kind, List<Map<String, String>> rows, String name) {
    boolean xlsx = PlanTemplate.XLSX.equals(kind);
    byte[] content = xlsx ? PlanSheets.xlsx(rows) : PlanSheets.csv(rows);
    return HttpResponse.ok(content)
        .contentType(xlsx ? MediaType.of(PlanTemplate.XLSX) : MediaType.of(PlanTemplate.CSV))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + name + (xlsx ? ".xlsx" : ".csv") + "\"");
  }

  /** One row of each kind, in a two-level plan, so the CSV template shows its own use. */
  private static List<Map<String, String>> examples() {
    return List.of(
        row(
            "record",
            "PROGRAMME",
            "setting",
            "name",
            "value",
            "Children's Services Improvement Plan"),
        row("record", "PROGRAMME", "setting", "trigger_kind", "value", "OFSTED_INSPECTION"),
        row("record", "PROGRAMME", "setting", "trigger_date", "value", "2024-01-15"),
        row("record", "PROGRAMME", "setting", "trigger_judgement", "value", "Inadequate"),
        row(
            "record",
            "PROGRAMME",
            "setting",
            "programme_manager",
            "value",
            "Pat Manager <pat.manager@example.org>"),
        row("record", "PROGRAMME", "setting", "level_names", "value", "Priority; Action"),
        row("record", "PROGRAMME", "setting", "start_date", "value", "2024-02-01"),
        row(
            "record",
            "DRIVER",
            "ref",
            "OR 1",
            "driver_kind",
            "OFSTED_RECOMMENDATION",
            "title",
            "Ensure that all children at risk of harm are seen promptly",
            "timeframe",
            "IMMEDIATELY"),
        row(
            "record",
            "ITEM",
            "ref",
            "1",
            "title",
            "Front door and early help",
            "owner",
            "Head of Service"),
        row(
            "record",
            "ACTION",
            "ref",
            "1.1",
            "parent_ref",
            "1",
            "title",
            "Audit every strategy discussion weekly",
            "leads",
            "Jane Smith <jane.smith@example.org> (Head of Safeguarding)",
            "start_date",
            "2024-02-01",
            "due_date",
            "2024-04-30",
            "drivers",
            "OR 1"),
        row(
            "record",
            "PROGRESS",
            "ref",
            "1.1",
            "period",
            "2024-03",
            "rag",
            "GREEN",
            "review_note",
            "Audits running weekly",
            "reported_by",
            "Pat Manager",
            "reported_on",
            "2024-03-28"));
  }

  private static Map<String, String> row(String... pairs) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put(pairs[i], pairs[i + 1]);
    }
    return row;
  }
}
