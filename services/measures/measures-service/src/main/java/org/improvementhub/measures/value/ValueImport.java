package org.improvementhub.measures.value;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.improvementhub.measures.audit.MeasureAuditTrail;
import org.improvementhub.measures.measure.Measure;
import org.improvementhub.measures.measure.MeasureRepository;
import org.improvementhub.measures.measure.Measures;
import org.improvementhub.measures.status.StatusRule;
import org.improvementhub.tabular.TableRow;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemException;

/**
 * Imports many values at once, all or nothing: every row is checked first, and if any is bad
 * nothing is stored and every problem is reported, each as {@code rows[<row>].<column>} where
 * {@code <row>} is the row number a spreadsheet shows (the header is row 1).
 */
@Singleton
public class ValueImport {

  /** The columns of an import file, header first; {@code measure} is the measure's id or name. */
  public static final String TEMPLATE =
      "measure,period,value,numerator,denominator,note\n"
          + "Single assessments completed within 45 working days,2024-03,84.8,312,368,From the"
          + " March performance pack\n";

  static final List<String> COLUMNS =
      List.of("measure", "period", "value", "numerator", "denominator", "note");
  private static final Set<String> REQUIRED = Set.of("measure", "period");

  private final MeasureRepository measures;
  private final Measures definitions;
  private final MeasureValues values;
  private final MeasureAuditTrail audit;

  public ValueImport(
      MeasureRepository measures,
      Measures definitions,
      MeasureValues values,
      MeasureAuditTrail audit) {
    this.measures = measures;
    this.definitions = definitions;
    this.values = values;
    this.audit = audit;
  }

  /**
   * @throws ProblemException 400 with every bad row's problems; nothing is stored
   */
  @Transactional
  public Outcome importRows(CouncilSlug council, List<TableRow> rows, String enteredBy) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (!rows.isEmpty()) {
      Set<String> present = rows.get(0).cells().keySet();
      for (String column : COLUMNS) {
        if (REQUIRED.contains(column) && !present.contains(column)) {
          errors.add(new Problem.FieldError("columns", "must include " + column));
        }
      }
      for (String column : present) {
        if (!COLUMNS.contains(column)) {
          errors.add(
              new Problem.FieldError(
                  "columns", "\"" + column + "\" is not one of " + String.join(", ", COLUMNS)));
        }
      }
    }
    if (rows.isEmpty()) {
      errors.add(new Problem.FieldError("file", "has no rows of values"));
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    Map<String, Measure> byKey = new HashMap<>();
    for (Measure measure : measures.listOrderByName()) {
      byKey.put(measure.id().toString(), measure);
      byKey.put(measure.name().toLowerCase(Locale.ROOT), measure);
    }
    List<Checked> checked = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TableRow row : rows) {
      check(row, byKey, seen, errors).ifPresent(checked::add);
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    Map<UUID, StatusRule> rules = new LinkedHashMap<>();
    Map<MeasureValues.Change, Integer> counts = new HashMap<>();
    for (Checked row : checked) {
      StatusRule rule =
          rules.computeIfAbsent(
              row.measure().id(),
              id -> {
                measures.findByIdForUpdate(id);
                return definitions.ruleFor(row.measure());
              });
      MeasureValues.Recording recording =
          values.store(council, row.measure(), rule, row.period(), row.entry(), enteredBy);
      counts.merge(recording.change(), 1, Integer::sum);
    }
    Outcome outcome =
        new Outcome(
            checked.size(),
            counts.getOrDefault(MeasureValues.Change.FIRST, 0),
            counts.getOrDefault(MeasureValues.Change.CORRECTED, 0),
            counts.getOrDefault(MeasureValues.Change.NONE, 0));
    // each value changed has its own entry; this one says they came in one file, with the counts
    audit.record("value-import", UUID.randomUUID(), null, "IMPORTED", null, outcome);
    return outcome;
  }

  private Optional<Checked> check(
      TableRow row, Map<String, Measure> byKey, Set<String> seen, List<Problem.FieldError> errors) {
    int before = errors.size();
    String at = "rows[" + row.row() + "].";
    Measure measure = null;
    String named = row.cell("measure");
    if (named == null) {
      errors.add(new Problem.FieldError(at + "measure", "is required"));
    } else {
      measure = byKey.get(named.toLowerCase(Locale.ROOT));
      if (measure == null) {
        errors.add(
            new Problem.FieldError(at + "measure", "names no measure of this council: " + named));
      }
    }
    ReportingPeriod period = null;
    try {
      period = ReportingPeriod.parse(row.cell("period"));
      if (measure != null) {
        values.checkPeriod(measure, period, at + "period");
      }
    } catch (ProblemException e) {
      errors.addAll(renamed(e, at, "period"));
    }
    BigDecimal value = number(row, "value", at, errors);
    BigDecimal numerator = number(row, "numerator", at, errors);
    BigDecimal denominator = number(row, "denominator", at, errors);
    String note = row.cell("note");
    if (note != null && note.length() > 2000) {
      errors.add(new Problem.FieldError(at + "note", "must be at most 2000 characters"));
    }
    if (measure != null && period != null) {
      if (!seen.add(measure.id() + "/" + period)) {
        errors.add(
            new Problem.FieldError(
                at + "period", "repeats an earlier row's period for this measure"));
      }
    }
    if (errors.size() > before || measure == null) {
      return Optional.empty();
    }
    try {
      ValueEntry entry =
          new ValueEntry(value, numerator, denominator, note).checkedFor(measure.unit());
      return Optional.of(new Checked(measure, period, entry));
    } catch (ProblemException e) {
      errors.addAll(renamed(e, at, "value"));
      return Optional.empty();
    }
  }

  @Nullable
  private static BigDecimal number(
      TableRow row, String column, String at, List<Problem.FieldError> errors) {
    String text = row.cell(column);
    if (text == null) {
      return null;
    }
    try {
      BigDecimal number = new BigDecimal(text.replace(",", "").replace("%", ""));
      if (number.signum() < 0) {
        errors.add(new Problem.FieldError(at + column, "must not be negative"));
        return null;
      }
      if (number.stripTrailingZeros().scale() > 4 || number.precision() - number.scale() > 12) {
        errors.add(
            new Problem.FieldError(
                at + column, "must have at most 12 digits and 4 decimal places"));
        return null;
      }
      return number;
    } catch (NumberFormatException e) {
      errors.add(new Problem.FieldError(at + column, "must be a number, not \"" + text + "\""));
      return null;
    }
  }

  /** A problem raised for one entry, its fields placed under the row. */
  private static List<Problem.FieldError> renamed(ProblemException e, String at, String fallback) {
    List<Problem.FieldError> fields = e.problem().errors();
    if (fields == null || fields.isEmpty()) {
      return List.of(new Problem.FieldError(at + fallback, e.problem().detail()));
    }
    return fields.stream()
        .map(
            error ->
                new Problem.FieldError(
                    error.field().startsWith("rows[") ? error.field() : at + error.field(),
                    error.message()))
        .toList();
  }

  private static ProblemException invalid(List<Problem.FieldError> errors) {
    String detail =
        "Nothing was imported: "
            + errors.size()
            + (errors.size() == 1 ? " problem" : " problems")
            + " to put right";
    return new ProblemException(Problem.invalid(detail, errors));
  }

  private record Checked(Measure measure, ReportingPeriod period, ValueEntry entry) {}

  /**
   * What an import stored: rows read, first values, corrections, and repeats that changed nothing.
   */
  @Serdeable
  public record Outcome(int rows, int recorded, int corrected, int unchanged) {}
}
