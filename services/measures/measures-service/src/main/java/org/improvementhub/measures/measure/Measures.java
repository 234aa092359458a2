package org.improvementhub.measures.measure;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.improvementhub.measures.audit.MeasureAuditTrail;
import org.improvementhub.measures.events.MeasureDefined;
import org.improvementhub.measures.status.StatusRule;
import org.improvementhub.measures.status.TargetStep;
import org.improvementhub.measures.status.Trajectory;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/** Defines and reads a council's measures; each definition is announced through the outbox. */
@Singleton
public class Measures {

  private final MeasureRepository measures;
  private final MeasureTargetRepository targets;
  private final Outbox outbox;
  private final MeasureAuditTrail audit;

  public Measures(
      MeasureRepository measures,
      MeasureTargetRepository targets,
      Outbox outbox,
      MeasureAuditTrail audit) {
    this.measures = measures;
    this.targets = targets;
    this.outbox = outbox;
    this.audit = audit;
  }

  @Transactional
  public Measure define(CouncilSlug council, NewMeasure request) {
    return define(council, request, null);
  }

  /**
   * Defines a measure, with its trajectory if given; {@code libraryCode} names the library measure
   * it is adopted from.
   */
  @Transactional
  public Measure define(CouncilSlug council, NewMeasure request, @Nullable String libraryCode) {
    List<TargetStep> steps =
        TargetEntry.checked(request.targets(), request.polarity(), request.unit());
    String name = request.name().strip();
    if (measures.existsByNameIgnoringCase(name)) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "A measure named \"" + name + "\" already exists");
    }
    Measure saved;
    try {
      saved = measures.save(Measure.define(request, libraryCode));
    } catch (RuntimeException e) {
      throw UniqueNames.conflictOf(e, name).orElseThrow(() -> e);
    }
    steps.forEach(step -> targets.save(MeasureTarget.of(saved.id(), step)));
    audit.record(
        "measure",
        saved.id(),
        saved.id(),
        libraryCode == null ? "DEFINED" : "DEFINED_FROM_LIBRARY",
        null,
        MeasureView.of(saved, new Trajectory(steps), null));
    outbox.append(
        MeasureDefined.TOPIC,
        council,
        MeasureDefined.TYPE,
        1,
        saved.id().toString(),
        new MeasureDefined(
            saved.id(),
            saved.name(),
            saved.definition(),
            saved.unit().name(),
            saved.polarity().name(),
            saved.frequency().name()));
    return saved;
  }

  /**
   * Replaces the measure's tolerance and whole trajectory. The measure is held until the
   * transaction ends, as recording a value holds it, so statuses are reassessed against one
   * trajectory.
   *
   * @throws ProblemException 404 for an unknown measure, 400 naming each bad step
   */
  @Transactional
  public Measure replaceTargets(
      UUID measureId, @Nullable BigDecimal tolerance, @Nullable List<TargetEntry> entries) {
    Measure measure = measures.findByIdForUpdate(measureId).orElseThrow(() -> notFound(measureId));
    List<TargetStep> steps = TargetEntry.checked(entries, measure.polarity(), measure.unit());
    MeasureView before = MeasureView.of(measure, trajectoryOf(measureId), null);
    targets.deleteByMeasureId(measureId);
    steps.forEach(step -> targets.save(MeasureTarget.of(measureId, step)));
    Measure after =
        tolerance != null && tolerance.compareTo(measure.tolerance()) != 0
            ? measures.update(measure.withTolerance(tolerance))
            : measure;
    audit.record(
        "measure-targets",
        measureId,
        measureId,
        "TARGETS_REPLACED",
        targetsOf(before),
        targetsOf(MeasureView.of(after, new Trajectory(steps), null)));
    return after;
  }

  /** Whether the council has adopted the library measure {@code libraryCode}. */
  @Transactional
  public boolean adopted(String libraryCode) {
    return measures.existsByLibraryCode(libraryCode);
  }

  @Transactional
  public List<Measure> all() {
    return measures.listOrderByName();
  }

  @Transactional
  public Optional<Measure> find(UUID id) {
    return measures.findById(id);
  }

  /** The measure's trajectory, steps in order. */
  @Transactional
  public Trajectory trajectoryOf(UUID measureId) {
    return new Trajectory(
        targets.findByMeasureIdOrderByEffectiveFrom(measureId).stream()
            .map(MeasureTarget::step)
            .toList());
  }

  /** How the measure's values are judged. */
  @Transactional
  public StatusRule ruleFor(Measure measure) {
    return new StatusRule(measure.polarity(), measure.tolerance(), trajectoryOf(measure.id()));
  }

  /** The measure with its trajectory and how its latest value stands. */
  @Transactional
  public MeasureView view(UUID measureId) {
    Measure measure = measures.findById(measureId).orElseThrow(() -> notFound(measureId));
    StatusRule rule = ruleFor(measure);
    List<MeasureRepository.RecentValue> recent = measures.latestTwoValues(measureId);
    return MeasureView.of(measure, rule.trajectory(), current(measure, rule, recent));
  }

  /**
   * Every measure with how its latest value stands (value, status, trend), in three queries
   * whatever the number of measures: a board's list shows them all at once.
   */
  @Transactional
  public List<MeasureView> viewAll() {
    Map<UUID, List<TargetStep>> steps = new HashMap<>();
    for (MeasureTarget target : targets.findAll()) {
      steps.computeIfAbsent(target.measureId(), id -> new ArrayList<>()).add(target.step());
    }
    Map<UUID, List<MeasureRepository.RecentValue>> recent = new HashMap<>();
    for (MeasureRepository.MeasureRecentValue value : measures.latestTwoValuesOfEach()) {
      recent
          .computeIfAbsent(value.measureId(), id -> new ArrayList<>())
          .add(new MeasureRepository.RecentValue(value.period(), value.value()));
    }
    return measures.listOrderByName().stream()
        .map(
            measure -> {
              List<TargetStep> own = new ArrayList<>(steps.getOrDefault(measure.id(), List.of()));
              own.sort(Comparator.comparing(TargetStep::from));
              StatusRule rule =
                  new StatusRule(measure.polarity(), measure.tolerance(), new Trajectory(own));
              return MeasureView.of(
                  measure,
                  null,
                  current(measure, rule, recent.getOrDefault(measure.id(), List.of())));
            })
        .toList();
  }

  @Nullable
  private static MeasureView.Current current(
      Measure measure, StatusRule rule, List<MeasureRepository.RecentValue> recent) {
    if (recent.isEmpty()) {
      return null;
    }
    YearMonth period = YearMonth.from(recent.get(0).period());
    BigDecimal value = recent.get(0).value();
    BigDecimal previous =
        recent.size() > 1
                && YearMonth.from(recent.get(1).period())
                    .equals(measure.frequency().previous(period))
            ? recent.get(1).value()
            : null;
    return new MeasureView.Current(
        period.toString(),
        value,
        rule.targetFor(period).map(MeasureView.Step::of).orElse(null),
        rule.statusOf(period, value),
        rule.trendOf(period, value, previous).orElse(null));
  }

  /** What a trajectory change is about: the tolerance and the steps, nothing else. */
  private static Map<String, Object> targetsOf(MeasureView view) {
    Map<String, Object> targets = new LinkedHashMap<>();
    targets.put("tolerance", view.tolerance());
    targets.put("targets", view.targets());
    return targets;
  }

  private static ProblemException notFound(UUID measureId) {
    return ProblemException.notFound("Measure " + measureId);
  }
}
