package org.improvementhub.measures.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.improvementhub.measures.measure.MeasureUnit;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ValueEntryTest {

  private static BigDecimal n(String number) {
    return new BigDecimal(number);
  }

  private static Problem problemOf(ValueEntry entry, MeasureUnit unit) {
    try {
      entry.checkedFor(unit);
    } catch (ProblemException e) {
      return e.problem();
    }
    throw new AssertionError("Accepted " + entry + " for " + unit);
  }

  private static java.util.List<String> fieldsOf(Problem problem) {
    return problem.errors().stream().map(Problem.FieldError::field).toList();
  }

  @Test
  void aPercentageFromItsCohortIsWorkedOutWhenLeftOut() {
    ValueEntry checked =
        new ValueEntry(null, n("312"), n("368"), "  after audit  ").checkedFor(MeasureUnit.PERCENT);
    assertThat(checked.value()).isEqualByComparingTo("84.78");
    assertThat(checked.note()).isEqualTo("after audit");
  }

  @Test
  void aRateIsWorkedOutPerTenThousand() {
    ValueEntry checked =
        new ValueEntry(null, n("812"), n("170000"), null).checkedFor(MeasureUnit.RATE_PER_10000);
    assertThat(checked.value()).isEqualByComparingTo("47.76");
  }

  @Test
  void aRoundedValueStillAgreesWithItsCohortButAWrongOneDoesNot() {
    assertThat(
            new ValueEntry(n("85"), n("312"), n("368"), null)
                .checkedFor(MeasureUnit.PERCENT)
                .value())
        .isEqualByComparingTo("85");
    Problem wrong =
        problemOf(new ValueEntry(n("90"), n("312"), n("368"), null), MeasureUnit.PERCENT);
    assertThat(fieldsOf(wrong)).containsExactly("value");
    assertThat(wrong.errors().get(0).message()).endsWith("which give 84.78");
    Problem wholeNumber =
        problemOf(new ValueEntry(n("90"), n("249"), n("300"), null), MeasureUnit.PERCENT);
    assertThat(wholeNumber.errors().get(0).message()).endsWith("which give 83");
  }

  @Test
  void aPercentageAboveOneHundredIsRefused() {
    Problem problem = problemOf(new ValueEntry(n("100.5"), null, null, null), MeasureUnit.PERCENT);
    assertThat(fieldsOf(problem)).containsExactly("value");
    assertThat(new ValueEntry(n("100"), null, null, null).checkedFor(MeasureUnit.PERCENT).value())
        .isEqualByComparingTo("100");
  }

  @Test
  void aCountOrADurationHasNoCeiling() {
    assertThat(new ValueEntry(n("1250"), null, null, null).checkedFor(MeasureUnit.COUNT).value())
        .isEqualByComparingTo("1250");
    assertThat(new ValueEntry(n("300"), null, null, null).checkedFor(MeasureUnit.DAYS).value())
        .isEqualByComparingTo("300");
  }

  @Test
  void aShareCannotHaveMoreInItThanItsWhole() {
    Problem problem =
        problemOf(new ValueEntry(null, n("400"), n("368"), null), MeasureUnit.PERCENT);
    assertThat(fieldsOf(problem)).containsExactly("numerator");
  }

  @Test
  void anAverageMayHaveANumeratorLargerThanItsDenominator() {
    ValueEntry averageDays =
        new ValueEntry(null, n("5430"), n("21"), null).checkedFor(MeasureUnit.DAYS);
    assertThat(averageDays.value()).isEqualByComparingTo("258.57");
  }

  @Test
  void numeratorAndDenominatorComeTogether() {
    assertThat(
            fieldsOf(problemOf(new ValueEntry(n("50"), n("3"), null, null), MeasureUnit.PERCENT)))
        .containsExactly("denominator");
    assertThat(
            fieldsOf(problemOf(new ValueEntry(n("50"), null, n("3"), null), MeasureUnit.PERCENT)))
        .containsExactly("numerator");
  }

  @Test
  void aValueOrItsCohortIsRequired() {
    assertThat(fieldsOf(problemOf(new ValueEntry(null, null, null, "n/a"), MeasureUnit.COUNT)))
        .containsExactly("value");
  }

  @Test
  void numbersAreKeptPlainAndBlankNotesDropped() {
    ValueEntry checked = new ValueEntry(n("1E+2"), null, null, "   ").checkedFor(MeasureUnit.COUNT);
    assertThat(checked.value().toString()).isEqualTo("100");
    assertThat(checked.note()).isNull();
    assertThat(new ValueEntry(n("87.50"), null, null, null).checkedFor(MeasureUnit.PERCENT).value())
        .hasToString("87.5");
  }

  @Test
  void theSameFiguresWrittenDifferentlyAreTheSame() {
    ValueEntry entry = new ValueEntry(n("87.5"), n("7"), n("8"), null);
    assertThat(entry.sameAs(n("87.50"), n("7.0"), n("8"), null)).isTrue();
    assertThat(entry.sameAs(n("87.5"), null, null, null)).isFalse();
    assertThat(entry.sameAs(n("87.5"), n("7"), n("8"), "corrected")).isFalse();
  }
}
