package org.improvementhub.measures.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.improvementhub.measures.status.Polarity;
import org.improvementhub.measures.status.TargetStep;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemException;

/**
 * One step of a trajectory as sent: from the month {@code from} ({@code YYYY-MM}) on, the target is
 * {@code value}, or for a band measure {@code lower} to {@code upper}. "90% by December 2019" is
 * {@code {"from":"2019-12","value":90}}.
 */
@Serdeable
public record TargetEntry(
    @Nullable String from,
    @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal value,
    @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal lower,
    @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal upper) {

  private static final Pattern MONTH = Pattern.compile("^\\d{4}-(0[1-9]|1[0-2])$");

  /**
   * Checks every step against the measure's polarity and unit.
   *
   * @throws ProblemException naming each offending field, such as {@code targets[1].upper}
   */
  public static List<TargetStep> checked(
      @Nullable List<TargetEntry> entries, Polarity polarity, MeasureUnit unit) {
    if (entries == null) {
      return List.of();
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    List<TargetStep> steps = new ArrayList<>();
    Set<YearMonth> months = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      TargetEntry entry = entries.get(i);
      String at = "targets[" + i + "].";
      if (entry == null) {
        errors.add(new Problem.FieldError("targets[" + i + "]", "must not be null"));
        continue;
      }
      YearMonth from = null;
      if (entry.from() == null || !MONTH.matcher(entry.from()).matches()) {
        errors.add(new Problem.FieldError(at + "from", "must be a month written YYYY-MM"));
      } else {
        from = YearMonth.parse(entry.from());
        if (!months.add(from)) {
          errors.add(new Problem.FieldError(at + "from", "repeats an earlier step's month"));
        }
      }
      if (polarity == Polarity.WITHIN_BAND) {
        if (entry.value() != null) {
          errors.add(new Problem.FieldError(at + "value", "must be left out for a band measure"));
        }
        if (entry.lower() == null) {
          errors.add(new Problem.FieldError(at + "lower", "is required for a band measure"));
        }
        if (entry.upper() == null) {
          errors.add(new Problem.FieldError(at + "upper", "is required for a band measure"));
        }
        if (entry.lower() != null
            && entry.upper() != null
            && entry.lower().compareTo(entry.upper()) > 0) {
          errors.add(new Problem.FieldError(at + "upper", "must not be less than lower"));
        }
        aboveCeiling(entry.upper(), unit, at + "upper", errors);
      } else {
        if (entry.value() == null) {
          errors.add(new Problem.FieldError(at + "value", "is required"));
        }
        if (entry.lower() != null || entry.upper() != null) {
          errors.add(
              new Problem.FieldError(
                  at + (entry.lower() != null ? "lower" : "upper"),
                  "is only for a WITHIN_BAND measure"));
        }
        aboveCeiling(entry.value(), unit, at + "value", errors);
      }
      if (from != null) {
        steps.add(new TargetStep(from, entry.value(), entry.lower(), entry.upper()));
      }
    }
    if (!errors.isEmpty()) {
      String detail =
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : errors.size() + " fields are invalid";
      throw new ProblemException(Problem.invalid(detail, errors));
    }
    return steps;
  }

  private static void aboveCeiling(
      @Nullable BigDecimal number,
      MeasureUnit unit,
      String field,
      List<Problem.FieldError> errors) {
    if (number != null
        && unit.ceiling().filter(ceiling -> number.compareTo(ceiling) > 0).isPresent()) {
      errors.add(
          new Problem.FieldError(
              field, "must not be more than " + unit.ceiling().orElseThrow().toPlainString()));
    }
  }
}
