package org.improvementhub.measures.value;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.improvementhub.measures.status.Polarity;
import org.improvementhub.measures.status.StatusRule;
import org.improvementhub.measures.status.TargetStep;
import org.improvementhub.measures.status.Trajectory;
import org.improvementhub.web.problem.ProblemException;

/** A measure's values, targets and statuses over a range of periods, read in one query. */
@Singleton
public class MeasureSeries {

  /** Twenty years of months: more than any chart shows, small enough to answer quickly. */
  static final int MOST_MONTHS = 240;

  private final MeasureValueRepository values;

  public MeasureSeries(MeasureValueRepository values) {
    this.values = values;
  }

  /**
   * @throws ProblemException 400 naming {@code to} for a range backwards or too long, 404 for an
   *     unknown measure
   */
  @Transactional
  public SeriesView between(UUID measureId, String fromText, String toText) {
    YearMonth from = parse(fromText, "from");
    YearMonth to = parse(toText, "to");
    if (to.isBefore(from)) {
      throw ProblemException.invalidField("to", "must not be earlier than from");
    }
    if (from.plusMonths(MOST_MONTHS - 1).isBefore(to)) {
      throw ProblemException.invalidField(
          "to", "must be within " + MOST_MONTHS + " months of from");
    }
    List<SeriesRow> rows = values.series(measureId, from.atDay(1), to.atDay(1));
    if (rows.isEmpty()) {
      throw MeasureValues.notFound(measureId);
    }
    List<SeriesView.Point> points =
        rows.stream().filter(row -> row.period() != null).map(MeasureSeries::point).toList();
    return new SeriesView(measureId, from.toString(), to.toString(), points);
  }

  private static SeriesView.Point point(SeriesRow row) {
    YearMonth period = YearMonth.from(row.period());
    List<TargetStep> inForce =
        row.targetFrom() == null
            ? List.of()
            : List.of(
                new TargetStep(
                    YearMonth.from(row.targetFrom()),
                    row.target(),
                    row.lowerBound(),
                    row.upperBound()));
    StatusRule rule =
        new StatusRule(Polarity.valueOf(row.polarity()), row.tolerance(), new Trajectory(inForce));
    return new SeriesView.Point(
        period.toString(),
        row.value(),
        row.target(),
        row.lowerBound(),
        row.upperBound(),
        row.value() == null ? null : rule.statusOf(period, row.value()),
        row.value() == null
            ? null
            : rule.trendOf(period, row.value(), row.previous()).orElse(null));
  }

  private static YearMonth parse(String text, String field) {
    if (text == null) {
      throw ProblemException.invalidField(field, "is required, a month written YYYY-MM");
    }
    try {
      return ReportingPeriod.parse(text).month();
    } catch (ProblemException e) {
      throw ProblemException.invalidField(
          field, "must be a month written YYYY-MM, such as 2024-03");
    }
  }
}
