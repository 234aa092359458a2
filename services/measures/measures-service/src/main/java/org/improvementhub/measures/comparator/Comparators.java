package org.improvementhub.measures.comparator;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.improvementhub.measures.audit.MeasureAuditTrail;
import org.improvementhub.measures.measure.Measure;
import org.improvementhub.measures.measure.MeasureRepository;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemException;

/** Records and reads a measure's yearly England and statistical-neighbour averages. */
@Singleton
public class Comparators {

  private final MeasureRepository measures;
  private final ComparatorRepository comparators;
  private final Clock clock;
  private final MeasureAuditTrail audit;

  public Comparators(
      MeasureRepository measures,
      ComparatorRepository comparators,
      Clock clock,
      MeasureAuditTrail audit) {
    this.measures = measures;
    this.comparators = comparators;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Sets the year's benchmarks, replacing any already set.
   *
   * @throws ProblemException 404 for an unknown measure, 400 naming the offending field
   */
  @Transactional
  public ComparatorView set(UUID measureId, String yearText, ComparatorEntry entry, String by) {
    Measure measure = measures.findById(measureId).orElseThrow(() -> notFound(measureId));
    int year = year(yearText);
    if (entry.england() == null && entry.statisticalNeighbours() == null) {
      throw new ProblemException(
          Problem.invalid(
              "england or statisticalNeighbours is required",
              List.of(
                  new Problem.FieldError("england", "is required without statisticalNeighbours"),
                  new Problem.FieldError("statisticalNeighbours", "is required without england"))));
    }
    measure
        .unit()
        .ceiling()
        .ifPresent(
            ceiling -> {
              if (entry.england() != null && entry.england().compareTo(ceiling) > 0) {
                throw ProblemException.invalidField(
                    "england", "must not be more than " + ceiling.toPlainString());
              }
              if (entry.statisticalNeighbours() != null
                  && entry.statisticalNeighbours().compareTo(ceiling) > 0) {
                throw ProblemException.invalidField(
                    "statisticalNeighbours", "must not be more than " + ceiling.toPlainString());
              }
            });
    Instant now = clock.instant();
    String source =
        entry.source() == null || entry.source().isBlank() ? null : entry.source().strip();
    ComparatorView before =
        comparators.findByMeasureIdAndYear(measureId, year).map(ComparatorView::of).orElse(null);
    MeasureComparator saved =
        comparators
            .findByMeasureIdAndYear(measureId, year)
            .map(
                existing ->
                    comparators.update(
                        new MeasureComparator(
                            existing.id(),
                            measureId,
                            year,
                            entry.england(),
                            entry.statisticalNeighbours(),
                            source,
                            by,
                            now)))
            .orElseGet(
                () ->
                    comparators.save(
                        new MeasureComparator(
                            null,
                            measureId,
                            year,
                            entry.england(),
                            entry.statisticalNeighbours(),
                            source,
                            by,
                            now)));
    ComparatorView after = ComparatorView.of(saved);
    audit.record(
        "measure-comparator",
        saved.id(),
        measureId,
        before == null ? "SET" : "CHANGED",
        before,
        after);
    return after;
  }

  @Transactional
  public List<ComparatorView> all(UUID measureId) {
    if (!measures.existsById(measureId)) {
      throw notFound(measureId);
    }
    return comparators.findByMeasureIdOrderByYear(measureId).stream()
        .map(ComparatorView::of)
        .toList();
  }

  private static int year(String text) {
    if (text == null || !text.matches("^\\d{4}$")) {
      throw ProblemException.invalidField("year", "must be a year written YYYY, such as 2024");
    }
    int year = Integer.parseInt(text);
    if (year < 2000 || year > 2100) {
      throw ProblemException.invalidField("year", "must be between 2000 and 2100");
    }
    return year;
  }

  private static ProblemException notFound(UUID measureId) {
    return ProblemException.notFound("Measure " + measureId);
  }
}
