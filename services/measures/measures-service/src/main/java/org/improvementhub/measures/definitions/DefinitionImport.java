package org.improvementhub.measures.definitions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.improvementhub.measures.audit.MeasureAuditTrail;
import org.improvementhub.measures.library.LibraryMeasure;
import org.improvementhub.measures.library.MeasureLibrary;
import org.improvementhub.measures.measure.Frequency;
import org.improvementhub.measures.measure.Measure;
import org.improvementhub.measures.measure.MeasureUnit;
import org.improvementhub.measures.measure.Measures;
import org.improvementhub.measures.measure.NewMeasure;
import org.improvementhub.measures.measure.TargetEntry;
import org.improvementhub.measures.status.Polarity;
import org.improvementhub.tabular.TableRow;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemException;

/**
 * Defines many measures at once from a file, all or nothing: every row is checked first and if any
 * is bad nothing is defined and every problem is reported as {@code rows[<row>].<column>}, the row
 * number a spreadsheet shows (header = row 1), exactly as the values import reports.
 *
 * <p>{@code targets} holds the trajectory in one cell, steps separated by {@code ;}: {@code
 * 2019-09=80; 2019-12=90; 2020-03=95}, or for a band measure {@code 2024-01=15..20}. {@code code}
 * adopts a library measure, whose name, definition, unit, polarity and frequency fill the cells
 * left blank.
 */
@Singleton
public class DefinitionImport {

  /** The columns of a definitions file, header first, with one example row. */
  public static final String TEMPLATE =
      "name,definition,unit,polarity,frequency,owner,data source,baseline,baseline date,"
          + "tolerance,targets,code\n"
          + "Re-referrals within 12 months,Referrals within 12 months of a previous referral as a"
          + " share of all referrals,PERCENT,LOWER_IS_BETTER,MONTHLY,Head of Front Door,"
          + "Mosaic CS004,26.1,2024-03-31,2,2024-09=24; 2025-03=22,\n";

  static final List<String> COLUMNS =
      List.of(
          "name",
          "definition",
          "unit",
          "polarity",
          "frequency",
          "owner",
          "data source",
          "baseline",
          "baseline date",
          "tolerance",
          "targets",
          "code");

  private static final Pattern STEP =
      Pattern.compile(
          "^(\\d{4}-\\d{2})\\s*=\\s*([0-9,]+(?:\\.[0-9]+)?)(?:\\s*\\.\\.\\s*([0-9,]+(?:\\.[0-9]+)?))?$");

  private final Measures measures;
  private final MeasureLibrary library;
  private final MeasureAuditTrail audit;

  public DefinitionImport(Measures measures, MeasureLibrary library, MeasureAuditTrail audit) {
    this.measures = measures;
    this.library = library;
    this.audit = audit;
  }

  /**
   * @throws ProblemException 400 with every bad row's problems; nothing is defined
   */
  @Transactional
  public Outcome importRows(CouncilSlug council, List<TableRow> rows) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (rows.isEmpty()) {
      errors.add(new Problem.FieldError("file", "has no rows of measures"));
    } else {
      Set<String> present = rows.get(0).cells().keySet();
      if (!present.contains("name") && !present.contains("code")) {
        errors.add(new Problem.FieldError("columns", "must include name (or code)"));
      }
      for (String column : present) {
        if (!COLUMNS.contains(column)) {
          errors.add(
              new Problem.FieldError(
                  "columns", "\"" + column + "\" is not one of " + String.join(", ", COLUMNS)));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    Set<String> names = new HashSet<>();
    Set<String> codes = new HashSet<>();
    for (Measure existing : measures.all()) {
      names.add(existing.name().toLowerCase(Locale.ROOT));
      if (existing.libraryCode() != null) {
        codes.add(existing.libraryCode());
      }
    }
    List<Checked> checked = new ArrayList<>();
    for (TableRow row : rows) {
      Checked one = check(row, names, codes, errors);
      if (one != null) {
        checked.add(one);
      }
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    List<Defined> defined = new ArrayList<>();
    for (Checked row : checked) {
      Measure saved = measures.define(council, row.measure(), row.code());
      defined.add(new Defined(saved.id(), saved.name()));
    }
    Outcome outcome = new Outcome(rows.size(), defined.size(), defined);
    // each measure has its own DEFINED entry; this one says they came in one file
    audit.record("definition-import", UUID.randomUUID(), null, "IMPORTED", null, outcome);
    return outcome;
  }

  @Nullable
  private Checked check(
      TableRow row, Set<String> names, Set<String> codes, List<Problem.FieldError> errors) {
    int before = errors.size();
    String at = "rows[" + row.row() + "].";
    LibraryMeasure adopted = null;
    String code = row.cell("code");
    if (code != null) {
      adopted = library.find(code).orElse(null);
      if (adopted == null) {
        errors.add(new Problem.FieldError(at + "code", "is not a measure in the library"));
      } else if (!codes.add(code)) {
        errors.add(
            new Problem.FieldError(at + "code", "is adopted already, or earlier in the file"));
      }
    }
    String name = text(row, "name", adopted == null ? null : adopted.name(), 300, at, errors);
    if (name != null && !names.add(name.toLowerCase(Locale.ROOT))) {
      errors.add(
          new Problem.FieldError(
              at + "name", "names a measure the council has already, or an earlier row's"));
    }
    String definition =
        text(row, "definition", adopted == null ? null : adopted.definition(), 4000, at, errors);
    MeasureUnit unit =
        choice(
            row,
            "unit",
            adopted == null ? null : adopted.unit(),
            DefinitionImport::unit,
            at,
            errors);
    Polarity polarity =
        choice(
            row,
            "polarity",
            adopted == null ? null : adopted.polarity(),
            DefinitionImport::polarity,
            at,
            errors);
    Frequency frequency =
        choice(
            row,
            "frequency",
            adopted == null ? Frequency.MONTHLY : adopted.frequency(),
            DefinitionImport::frequency,
            at,
            errors);
    if (adopted != null && unit != null && unit != adopted.unit()) {
      errors.add(new Problem.FieldError(at + "unit", "must be the library's " + adopted.unit()));
    }
    if (adopted != null && polarity != null && polarity != adopted.polarity()) {
      errors.add(
          new Problem.FieldError(at + "polarity", "must be the library's " + adopted.polarity()));
    }
    String owner = optionalText(row, "owner", 300, at, errors);
    String dataSource = optionalText(row, "data source", 1000, at, errors);
    BigDecimal baseline = number(row, "baseline", at, errors);
    LocalDate baselineDate = date(row, "baseline date", at, errors);
    if ((baseline == null) != (baselineDate == null)) {
      errors.add(
          new Problem.FieldError(
              at + (baseline == null ? "baseline" : "baseline date"),
              "is required when the other baseline column is given"));
    }
    BigDecimal tolerance = number(row, "tolerance", at, errors);
    List<TargetEntry> targets = targets(row, at, errors);
    if (errors.size() > before) {
      return null;
    }
    try {
      TargetEntry.checked(targets, polarity, unit);
    } catch (ProblemException e) {
      for (Problem.FieldError error : e.problem().errors()) {
        errors.add(new Problem.FieldError(at + "targets", error.field() + " " + error.message()));
      }
      return null;
    }
    return new Checked(
        new NewMeasure(
            name,
            definition,
            unit,
            polarity,
            frequency,
            owner,
            dataSource,
            baseline == null ? null : new NewMeasure.Baseline(baseline, baselineDate),
            tolerance,
            targets),
        adopted == null ? null : adopted.code());
  }

  @Nullable
  private static String text(
      TableRow row,
      String column,
      @Nullable String fallback,
      int longest,
      String at,
      List<Problem.FieldError> errors) {
    String text = row.cell(column);
    if (text == null) {
      if (fallback == null) {
        errors.add(new Problem.FieldError(at + column, "is required"));
      }
      return fallback;
    }
    if (text.length() > longest) {
      errors.add(new Problem.FieldError(at + column, "must be at most " + longest + " characters"));
      return null;
    }
    return text;
  }

  @Nullable
  private static String optionalText(
      TableRow row, String column, int longest, String at, List<Problem.FieldError> errors) {
    String text = row.cell(column);
    if (text != null && text.length() > longest) {
      errors.add(new Problem.FieldError(at + column, "must be at most " + longest + " characters"));
      return null;
    }
    return text;
  }

  @Nullable
  private static <T> T choice(
      TableRow row,
      String column,
      @Nullable T fallback,
      Function<String, T> reading,
      String at,
      List<Problem.FieldError> errors) {
    String text = row.cell(column);
    if (text == null) {
      if (fallback == null) {
        errors.add(new Problem.FieldError(at + column, "is required"));
      }
      return fallback;
    }
    T chosen = reading.apply(text.toUpperCase(Locale.ROOT).replace(' ', '_').replace("-", "_"));
    if (chosen == null) {
      errors.add(
          new Problem.FieldError(at + column, "\"" + text + "\" is not one of " + options(column)));
    }
    return chosen;
  }

  private static String options(String column) {
    return switch (column) {
      case "unit" -> "PERCENT, COUNT, DAYS, RATE_PER_10000";
      case "polarity" -> "HIGHER_IS_BETTER, LOWER_IS_BETTER, WITHIN_BAND";
      default -> "MONTHLY, QUARTERLY";
    };
  }

  @Nullable
  private static MeasureUnit unit(String text) {
    return switch (text) {
      case "PERCENT", "%", "PERCENTAGE" -> MeasureUnit.PERCENT;
      case "COUNT", "NUMBER" -> MeasureUnit.COUNT;
      case "DAYS" -> MeasureUnit.DAYS;
      case "RATE_PER_10000", "RATE_PER_10,000", "PER_10000", "PER_10,000" ->
          MeasureUnit.RATE_PER_10000;
      default -> null;
    };
  }

  @Nullable
  private static Polarity polarity(String text) {
    return switch (text) {
      case "HIGHER_IS_BETTER", "HIGHER" -> Polarity.HIGHER_IS_BETTER;
      case "LOWER_IS_BETTER", "LOWER" -> Polarity.LOWER_IS_BETTER;
      case "WITHIN_BAND", "BAND" -> Polarity.WITHIN_BAND;
      default -> null;
    };
  }

  @Nullable
  private static Frequency frequency(String text) {
    return switch (text) {
      case "MONTHLY" -> Frequency.MONTHLY;
      case "QUARTERLY" -> Frequency.QUARTERLY;
      default -> null;
    };
  }

  @Nullable
  private static BigDecimal number(
      TableRow row, String column, String at, List<Problem.FieldError> errors) {
    String text = row.cell(column);
    if (text == null) {
      return null;
    }
    BigDecimal number = decimal(text);
    if (number == null || number.signum() < 0) {
      errors.add(
          new Problem.FieldError(at + column, "must be a number, not negative: \"" + text + "\""));
      return null;
    }
    if (number.stripTrailingZeros().scale() > 4 || number.precision() - number.scale() > 12) {
      errors.add(
          new Problem.FieldError(at + column, "must have at most 12 digits and 4 decimal places"));
      return null;
    }
    return number;
  }

  @Nullable
  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.replace(",", "").replace("%", "").strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** YYYY-MM-DD, or YYYY-MM for the month's last day. */
  @Nullable
  private static LocalDate date(
      TableRow row, String column, String at, List<Problem.FieldError> errors) {
    String text = row.cell(column);
    if (text == null) {
      return null;
    }
    try {
      return text.length() == 7 ? YearMonth.parse(text).atEndOfMonth() : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(
          new Problem.FieldError(at + column, "must be a date written YYYY-MM-DD or YYYY-MM"));
      return null;
    }
  }

  @Nullable
  private static List<TargetEntry> targets(
      TableRow row, String at, List<Problem.FieldError> errors) {
    String text = row.cell("targets");
    if (text == null) {
      return null;
    }
    List<TargetEntry> steps = new ArrayList<>();
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      Matcher step = STEP.matcher(part.strip());
      BigDecimal first = step.matches() ? decimal(step.group(2)) : null;
      BigDecimal second = step.matches() && step.group(3) != null ? decimal(step.group(3)) : null;
      if (first == null || (step.group(3) != null && second == null)) {
        errors.add(
            new Problem.FieldError(
                at + "targets",
                "\""
                    + part.strip()
                    + "\" is not a step written YYYY-MM=target or YYYY-MM=lower..upper"));
        continue;
      }
      steps.add(
          second == null
              ? new TargetEntry(step.group(1), first, null, null)
              : new TargetEntry(step.group(1), null, first, second));
    }
    return steps;
  }

  private static ProblemException invalid(List<Problem.FieldError> errors) {
    String detail =
        "Nothing was imported: "
            + errors.size()
            + (errors.size() == 1 ? " problem" : " problems")
            + " to put right";
    return new ProblemException(Problem.invalid(detail, errors));
  }

  private record Checked(NewMeasure measure, @Nullable String code) {}

  /** A measure the import defined. */
  @Serdeable
  public record Defined(UUID id, String name) {}

  /** What an import did: rows read and measures defined (all of them, or the import failed). */
  @Serdeable
  public record Outcome(int rows, int defined, List<Defined> measures) {}
}
