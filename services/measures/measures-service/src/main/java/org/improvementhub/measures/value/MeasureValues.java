package org.improvementhub.measures.value;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.improvementhub.measures.events.MeasureValueRecorded;
import org.improvementhub.measures.measure.Measure;
import org.improvementhub.measures.measure.MeasureRepository;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;

/**
 * Records a council's value for one period of a measure, keeping what a correction replaces, and
 * announces each change through the outbox in the same transaction.
 */
@Singleton
public class MeasureValues {

  /** Councils report in UK months: at 00:30 on 1 April in London, April has begun. */
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final MeasureRepository measures;
  private final MeasureValueRepository values;
  private final ValueRevisionRepository revisions;
  private final Outbox outbox;
  private final Clock clock;

  public MeasureValues(
      MeasureRepository measures,
      MeasureValueRepository values,
      ValueRevisionRepository revisions,
      Outbox outbox,
      Clock clock) {
    this.measures = measures;
    this.values = values;
    this.revisions = revisions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Records {@code entry} as the value of {@code period}. A repeat of the latest value (a retried
   * PUT) changes nothing and announces nothing.
   *
   * @throws ProblemException 404 for an unknown measure, 400 naming the offending field
   */
  @Transactional
  public Recording record(
      CouncilSlug council,
      UUID measureId,
      ReportingPeriod period,
      ValueEntry entry,
      String enteredBy) {
    Measure measure = measures.findByIdForUpdate(measureId).orElseThrow(() -> notFound(measureId));
    checkPeriod(measure, period);
    ValueEntry figures = entry.checkedFor(measure.unit());
    Instant now = clock.instant();
    Optional<MeasureValue> latest = values.findByMeasureIdAndPeriod(measureId, period.firstDay());
    if (latest.isPresent() && latest.get().records(figures)) {
      return new Recording(latest.get(), Change.NONE);
    }
    MeasureValue saved;
    if (latest.isPresent()) {
      revisions.save(ValueRevision.of(latest.get(), enteredBy, now));
      saved = values.update(latest.get().correctedTo(figures, enteredBy, now));
    } else {
      saved = values.save(MeasureValue.first(measureId, period, figures, enteredBy, now));
    }
    announce(council, measure, saved, now);
    return new Recording(saved, latest.isPresent() ? Change.CORRECTED : Change.FIRST);
  }

  /** The latest value of every period recorded, oldest period first. */
  @Transactional
  public List<MeasureValue> all(UUID measureId) {
    if (!measures.existsById(measureId)) {
      throw notFound(measureId);
    }
    return values.findByMeasureIdOrderByPeriod(measureId);
  }

  /** One period's latest value and every value corrections replaced. */
  @Transactional
  public ValueHistoryView history(UUID measureId, ReportingPeriod period) {
    if (!measures.existsById(measureId)) {
      throw notFound(measureId);
    }
    MeasureValue latest =
        values
            .findByMeasureIdAndPeriod(measureId, period.firstDay())
            .orElseThrow(() -> ProblemException.notFound("A value for " + period));
    return ValueHistoryView.of(
        latest,
        revisions.findByMeasureIdAndPeriodOrderByRevisionDesc(measureId, period.firstDay()));
  }

  /**
   * The month in progress may be recorded (a caseload snapshot is taken mid-month); a month that
   * has not begun may not.
   */
  private void checkPeriod(Measure measure, ReportingPeriod period) {
    YearMonth thisMonth = YearMonth.now(clock.withZone(UK));
    if (period.isAfter(thisMonth)) {
      throw ProblemException.invalidField(
          "period", "must not be later than the current month, " + thisMonth);
    }
    if (!measure.frequency().reportsIn(period.month())) {
      throw ProblemException.invalidField(
          "period",
          "must be "
              + measure.frequency().periods()
              + " for a "
              + measure.frequency().name().toLowerCase()
              + " measure");
    }
  }

  private void announce(CouncilSlug council, Measure measure, MeasureValue value, Instant now) {
    outbox.append(
        MeasureValueRecorded.TOPIC,
        council,
        MeasureValueRecorded.TYPE,
        1,
        measure.id().toString(),
        new MeasureValueRecorded(
            measure.id(),
            measure.name(),
            measure.unit().name(),
            measure.polarity().name(),
            value.reportingPeriod().toString(),
            value.value(),
            value.numerator(),
            value.denominator(),
            value.revision(),
            now));
  }

  private static ProblemException notFound(UUID measureId) {
    return ProblemException.notFound("Measure " + measureId);
  }

  /** What recording did to the period's value. */
  public enum Change {
    /** The period had no value before. */
    FIRST,
    /** The period's value was replaced; the old one is kept as a revision. */
    CORRECTED,
    /** The same figures were sent again. */
    NONE
  }

  /** The period's value after recording, and what recording did to it. */
  public record Recording(MeasureValue value, Change change) {}
}
