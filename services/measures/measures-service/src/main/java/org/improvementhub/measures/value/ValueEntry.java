package org.improvementhub.measures.value;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.improvementhub.measures.measure.MeasureUnit;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemException;

/**
 * What a council sends for one period: the value, and optionally the numerator and denominator it
 * was worked out from (312 of 368 assessments on time), so that a reader can see the cohort behind
 * a percentage. Given both, the value may be left out and is worked out here.
 */
@Serdeable
public record ValueEntry(
    @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal value,
    @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal numerator,
    @Nullable @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 4)
        BigDecimal denominator,
    @Nullable @Size(max = 2000) String note) {

  /**
   * A value entered as a rounded figure (88 for 87.6%) still agrees with its numerator and
   * denominator; anything further off is a slip in one of the three.
   */
  static final BigDecimal ROUNDING_ALLOWANCE = new BigDecimal("0.5");

  /**
   * Checks the entry against what the measure's unit allows and fills in a value left out.
   *
   * @return the entry as it will be stored
   * @throws ProblemException naming every offending field
   */
  public ValueEntry checkedFor(MeasureUnit unit) {
    List<Problem.FieldError> errors = new ArrayList<>();
    boolean fraction = numerator != null && denominator != null;
    if (numerator != null && denominator == null) {
      errors.add(new Problem.FieldError("denominator", "is required with a numerator"));
    }
    if (denominator != null && numerator == null) {
      errors.add(new Problem.FieldError("numerator", "is required with a denominator"));
    }
    if (fraction && unit.isShareOfWhole() && numerator.compareTo(denominator) > 0) {
      errors.add(new Problem.FieldError("numerator", "must not be more than the denominator"));
      fraction = false;
    }
    BigDecimal worked = fraction ? workedOut(unit) : null;
    BigDecimal checkedValue = value != null ? value : worked;
    if (checkedValue == null && errors.isEmpty()) {
      errors.add(
          new Problem.FieldError("value", "is required, unless numerator and denominator are"));
    }
    if (value != null
        && worked != null
        && value.subtract(worked).abs().compareTo(ROUNDING_ALLOWANCE) > 0) {
      errors.add(
          new Problem.FieldError(
              "value", "does not match numerator and denominator, which give " + plain(worked)));
    }
    if (checkedValue != null
        && unit.ceiling().filter(ceiling -> checkedValue.compareTo(ceiling) > 0).isPresent()) {
      errors.add(
          new Problem.FieldError(
              "value",
              "must be between 0 and "
                  + unit.ceiling().orElseThrow().toPlainString()
                  + " for a "
                  + unit.name().toLowerCase()
                  + " measure"));
    }
    if (!errors.isEmpty()) {
      String detail =
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : errors.size() + " fields are invalid";
      throw new ProblemException(Problem.invalid(detail, errors));
    }
    return new ValueEntry(plain(checkedValue), plain(numerator), plain(denominator), cleanNote());
  }

  /** Whether {@code other} records the same figures and note: a repeated PUT changes nothing. */
  boolean sameAs(
      BigDecimal otherValue,
      @Nullable BigDecimal otherNumerator,
      @Nullable BigDecimal otherDenominator,
      @Nullable String otherNote) {
    return equalNumbers(value, otherValue)
        && equalNumbers(numerator, otherNumerator)
        && equalNumbers(denominator, otherDenominator)
        && Objects.equals(note, otherNote);
  }

  private BigDecimal workedOut(MeasureUnit unit) {
    return numerator.multiply(unit.perWhole()).divide(denominator, 2, RoundingMode.HALF_UP);
  }

  /** Written as a council would (100, not 1E+2), so events and answers read the same. */
  @Nullable
  private static BigDecimal plain(@Nullable BigDecimal number) {
    if (number == null) {
      return null;
    }
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  @Nullable
  private String cleanNote() {
    return note == null || note.isBlank() ? null : note.strip();
  }

  /** 87.5 and 87.50 are one figure. */
  private static boolean equalNumbers(@Nullable BigDecimal a, @Nullable BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
