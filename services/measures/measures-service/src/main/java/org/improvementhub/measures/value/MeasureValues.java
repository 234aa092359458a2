package org.improvementhub.measures.value;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.improvementhub.measures.audit.MeasureAuditTrail;
import org.improvementhub.measures.events.MeasureStatusChanged;
import org.improvementhub.measures.events.MeasureValueRecorded;
import org.improvementhub.measures.measure.Measure;
import org.improvementhub.measures.measure.MeasureRepository;
import org.improvementhub.measures.measure.Measures;
import org.improvementhub.measures.status.Status;
import org.improvementhub.measures.status.StatusRule;
import org.improvementhub.measures.status.TargetStep;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;

/**
 * Records a council's value for one period of a measure, keeping what a correction replaces, and
 * announces each change, and each change of the period's status, through the outbox in the same
 * transaction.
 */
@Singleton
public class MeasureValues {

  /** Councils report in UK months: at 00:30 on 1 April in London, April has begun. */
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final MeasureRepository measures;
  private final Measures definitions;
  private final MeasureValueRepository values;
  private final ValueRevisionRepository revisions;
  private final Outbox outbox;
  private final Clock clock;
  private final MeasureAuditTrail audit;

  public MeasureValues(
      MeasureRepository measures,
      Measures definitions,
      MeasureValueRepository values,
      ValueRevisionRepository revisions,
      Outbox outbox,
      Clock clock,
      MeasureAuditTrail audit) {
    this.measures = measures;
    this.definitions = definitions;
    this.values = values;
    this.revisions = revisions;
    this.outbox = outbox;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Records {@code entry} as the value of {@code period}. A repeat of the latest value (a retried
   * PUT) changes nothing and announces nothing. The value is shown as the API shows it, read in the
   * same transaction from what recording already holds (the measure and its rule) plus the previous
   * period's value: not the period's whole history, which grows with every correction.
   *
   * @throws ProblemException 404 for an unknown measure, 400 naming the offending field
   */
  @Transactional
  public Shown record(
      CouncilSlug council,
      UUID measureId,
      ReportingPeriod period,
      ValueEntry entry,
      String enteredBy) {
    Measure measure = measures.findByIdForUpdate(measureId).orElseThrow(() -> notFound(measureId));
    checkPeriod(measure, period);
    ValueEntry figures = entry.checkedFor(measure.unit());
    StatusRule rule = definitions.ruleFor(measure);
    Recording recording = store(council, measure, rule, period, figures, enteredBy);
    BigDecimal previous = previousValue(measure, period);
    return new Shown(
        recording.change(),
        MeasureValueView.of(recording.value(), rule, measure.frequency(), previous));
  }

  /**
   * Stores figures already checked for a measure already held (see {@link #record}); an import
   * calls this once per row inside its own transaction.
   */
  Recording store(
      CouncilSlug council,
      Measure measure,
      StatusRule rule,
      ReportingPeriod period,
      ValueEntry figures,
      String enteredBy) {
    Instant now = clock.instant();
    Optional<MeasureValue> latest =
        values.findByMeasureIdAndPeriod(measure.id(), period.firstDay());
    if (latest.isPresent() && latest.get().records(figures)) {
      return new Recording(latest.get(), Change.NONE);
    }
    MeasureValue saved;
    if (latest.isPresent()) {
      revisions.save(ValueRevision.of(latest.get(), enteredBy, now));
      saved = values.update(latest.get().correctedTo(figures, enteredBy, now));
    } else {
      saved = values.save(MeasureValue.first(measure.id(), period, figures, enteredBy, now));
    }
    announce(council, measure, saved, now);
    saved = announceStatus(council, measure, rule, saved, now);
    // one entry per value changed, whether typed or imported: a period's story reads the same
    audit.record(
        "measure-value",
        saved.id(),
        measure.id(),
        latest.isPresent() ? "CORRECTED" : "RECORDED",
        latest.map(MeasureValues::audited).orElse(null),
        audited(saved));
    return new Recording(saved, latest.isPresent() ? Change.CORRECTED : Change.FIRST);
  }

  /**
   * Judges every recorded period again (after the targets or tolerance changed) and announces each
   * period whose status changed. Call inside the transaction that changed the targets.
   */
  @Transactional
  public int reassess(CouncilSlug council, Measure measure) {
    StatusRule rule = definitions.ruleFor(measure);
    Instant now = clock.instant();
    int changed = 0;
    for (MeasureValue value : values.findByMeasureIdOrderByPeriod(measure.id())) {
      if (announceStatus(council, measure, rule, value, now) != value) {
        changed++;
      }
    }
    return changed;
  }

  /** The latest value of every period recorded, oldest period first, each with its status. */
  @Transactional
  public List<MeasureValueView> all(UUID measureId) {
    Measure measure = measures.findById(measureId).orElseThrow(() -> notFound(measureId));
    StatusRule rule = definitions.ruleFor(measure);
    List<MeasureValue> recorded = values.findByMeasureIdOrderByPeriod(measureId);
    Map<YearMonth, BigDecimal> byPeriod = new HashMap<>();
    recorded.forEach(value -> byPeriod.put(value.reportingPeriod().month(), value.value()));
    return recorded.stream()
        .map(
            value ->
                MeasureValueView.of(
                    value,
                    rule,
                    measure.frequency(),
                    byPeriod.get(measure.frequency().previous(value.reportingPeriod().month()))))
        .toList();
  }

  /** One period's latest value and every value corrections replaced. */
  @Transactional
  public ValueHistoryView history(UUID measureId, ReportingPeriod period) {
    Measure measure = measures.findById(measureId).orElseThrow(() -> notFound(measureId));
    MeasureValue latest =
        values
            .findByMeasureIdAndPeriod(measureId, period.firstDay())
            .orElseThrow(() -> ProblemException.notFound("A value for " + period));
    BigDecimal previous = previousValue(measure, period);
    return ValueHistoryView.of(
        MeasureValueView.of(latest, definitions.ruleFor(measure), measure.frequency(), previous),
        revisions.findByMeasureIdAndPeriodOrderByRevisionDesc(measureId, period.firstDay()));
  }

  /** The value of the period before {@code period} (by the measure's frequency), if recorded. */
  private BigDecimal previousValue(Measure measure, ReportingPeriod period) {
    return values
        .findByMeasureIdAndPeriod(
            measure.id(), measure.frequency().previous(period.month()).atDay(1))
        .map(MeasureValue::value)
        .orElse(null);
  }

  /**
   * The month in progress may be recorded (a caseload snapshot is taken mid-month); a month that
   * has not begun may not.
   */
  void checkPeriod(Measure measure, ReportingPeriod period) {
    checkPeriod(measure, period, "period");
  }

  /** As {@link #checkPeriod(Measure, ReportingPeriod)}, naming {@code field} in the problem. */
  void checkPeriod(Measure measure, ReportingPeriod period, String field) {
    YearMonth thisMonth = YearMonth.now(clock.withZone(UK));
    if (period.isAfter(thisMonth)) {
      throw ProblemException.invalidField(
          field, "must not be later than the current month, " + thisMonth);
    }
    if (!measure.frequency().reportsIn(period.month())) {
      throw ProblemException.invalidField(
          field,
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

  /** Announces the period's status if it differs from the one last announced; returns the row. */
  private MeasureValue announceStatus(
      CouncilSlug council, Measure measure, StatusRule rule, MeasureValue value, Instant now) {
    YearMonth period = value.reportingPeriod().month();
    Status status = rule.statusOf(period, value.value());
    if (status == value.status()) {
      return value;
    }
    Optional<TargetStep> target = rule.targetFor(period);
    outbox.append(
        MeasureStatusChanged.TOPIC,
        council,
        MeasureStatusChanged.TYPE,
        1,
        measure.id().toString(),
        new MeasureStatusChanged(
            measure.id(),
            measure.name(),
            period.toString(),
            value.status() == null ? null : value.status().name(),
            status.name(),
            value.value(),
            target.map(TargetStep::value).orElse(null),
            target.map(TargetStep::lower).orElse(null),
            target.map(TargetStep::upper).orElse(null),
            now));
    return values.update(value.withStatus(status));
  }

  /** The value as the trail keeps it. */
  private static Map<String, Object> audited(MeasureValue value) {
    Map<String, Object> audited = new LinkedHashMap<>();
    audited.put("period", value.reportingPeriod().toString());
    audited.put("value", value.value());
    audited.put("numerator", value.numerator());
    audited.put("denominator", value.denominator());
    audited.put("note", value.note());
    audited.put("revision", value.revision());
    audited.put("status", value.status() == null ? null : value.status().name());
    audited.put("enteredBy", value.enteredBy());
    audited.put("enteredAt", value.enteredAt().toString());
    return audited;
  }

  static ProblemException notFound(UUID measureId) {
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

  /** What recording did to the period's value, and the value as the API shows it. */
  public record Shown(Change change, MeasureValueView view) {}
}
