package org.improvementhub.measures.change;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.improvementhub.measures.audit.MeasureAuditTrail;
import org.improvementhub.measures.measure.Frequency;
import org.improvementhub.measures.measure.Measure;
import org.improvementhub.measures.measure.MeasureRepository;
import org.improvementhub.measures.measure.MeasureView;
import org.improvementhub.measures.measure.Measures;
import org.improvementhub.measures.measure.UniqueNames;
import org.improvementhub.measures.value.MeasureValues;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * Changes a measure's definition and writes each changed field to its history, in one transaction
 * holding the measure as recording a value does. A new tolerance or frequency judges every recorded
 * period again (Amber depends on the one, the previous period of a trend on the other), announcing
 * each status that changed.
 */
@Singleton
public class MeasureEditing {

  private final MeasureRepository repository;
  private final Measures measures;
  private final MeasureValues values;
  private final MeasureChangeRepository history;
  private final Clock clock;
  private final MeasureAuditTrail audit;

  public MeasureEditing(
      MeasureRepository repository,
      Measures measures,
      MeasureValues values,
      MeasureChangeRepository history,
      Clock clock,
      MeasureAuditTrail audit) {
    this.repository = repository;
    this.measures = measures;
    this.values = values;
    this.history = history;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * @throws ProblemException 404 for an unknown measure; 400 naming {@code unit} or {@code
   *     polarity} when asked to change them, or {@code frequency} when recorded values do not fit
   *     the new one; 409 when another measure has the new name
   */
  @Transactional
  public MeasureView edit(CouncilSlug council, UUID id, MeasureEdit edit, String changedBy) {
    Measure before =
        repository
            .findByIdForUpdate(id)
            .orElseThrow(() -> ProblemException.notFound("Measure " + id));
    List<Problem.FieldError> errors = new ArrayList<>();
    if (edit.unit() != null && edit.unit() != before.unit()) {
      errors.add(
          new Problem.FieldError(
              "unit",
              "cannot change once defined: values recorded as "
                  + before.unit()
                  + " cannot be read as "
                  + edit.unit()
                  + "; define a new measure"));
    }
    if (edit.polarity() != null && edit.polarity() != before.polarity()) {
      errors.add(
          new Problem.FieldError(
              "polarity",
              "cannot change once defined: every status recorded would flip; define a new"
                  + " measure"));
    }
    if (edit.frequency() == Frequency.QUARTERLY
        && before.frequency() != Frequency.QUARTERLY
        && repository.countValuesOutsideQuarterEnds(id) > 0) {
      errors.add(
          new Problem.FieldError(
              "frequency",
              "cannot become QUARTERLY: some values are filed under months other than "
                  + Frequency.QUARTERLY.periods()));
    }
    String name = edit.name() == null ? before.name() : edit.name().strip();
    if (name.isEmpty()) {
      errors.add(new Problem.FieldError("name", "must not be blank"));
    }
    String definition = edit.definition() == null ? before.definition() : edit.definition().strip();
    if (definition.isEmpty()) {
      errors.add(new Problem.FieldError("definition", "must not be blank"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("The measure was not changed", errors));
    }
    if (!name.equalsIgnoreCase(before.name())
        && repository.existsByNameIgnoringCaseAndIdNot(name, id)) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "A measure named \"" + name + "\" already exists");
    }
    Measure after =
        before.edited(
            name,
            definition,
            Objects.requireNonNullElse(edit.frequency(), before.frequency()),
            edit.owner() == null ? before.owner() : edit.owner(),
            edit.dataSource() == null ? before.dataSource() : edit.dataSource(),
            edit.baseline() == null ? before.baselineValue() : edit.baseline().value(),
            edit.baseline() == null ? before.baselineDate() : edit.baseline().date(),
            Objects.requireNonNullElse(edit.tolerance(), before.tolerance()));
    List<MeasureChange> changes = changes(before, after, changedBy, clock.instant());
    if (changes.isEmpty()) {
      return measures.view(id);
    }
    MeasureView beforeView = measures.view(id);
    Measure saved;
    try {
      saved = repository.update(after);
    } catch (RuntimeException e) {
      throw UniqueNames.conflictOf(e, name).orElseThrow(() -> e);
    }
    history.saveAll(changes);
    if (before.tolerance().compareTo(saved.tolerance()) != 0
        || before.frequency() != saved.frequency()) {
      values.reassess(council, saved);
    }
    MeasureView afterView = measures.view(id);
    // the field-by-field history stays for the measure's page; the trail holds the whole record
    audit.record("measure", id, id, "EDITED", beforeView, afterView);
    return afterView;
  }

  @Transactional
  public List<MeasureChange> historyOf(UUID id) {
    measures.find(id).orElseThrow(() -> ProblemException.notFound("Measure " + id));
    return history.findByMeasureIdOrderByChangedAt(id);
  }

  private static List<MeasureChange> changes(
      Measure before, Measure after, String changedBy, Instant at) {
    List<MeasureChange> changes = new ArrayList<>();
    field(changes, before, "name", before.name(), after.name(), changedBy, at);
    field(changes, before, "definition", before.definition(), after.definition(), changedBy, at);
    field(changes, before, "owner", before.owner(), after.owner(), changedBy, at);
    field(changes, before, "dataSource", before.dataSource(), after.dataSource(), changedBy, at);
    field(
        changes,
        before,
        "baseline.value",
        number(before.baselineValue()),
        number(after.baselineValue()),
        changedBy,
        at);
    field(
        changes,
        before,
        "baseline.date",
        date(before.baselineDate()),
        date(after.baselineDate()),
        changedBy,
        at);
    field(
        changes,
        before,
        "tolerance",
        number(before.tolerance()),
        number(after.tolerance()),
        changedBy,
        at);
    field(
        changes,
        before,
        "frequency",
        before.frequency().name(),
        after.frequency().name(),
        changedBy,
        at);
    return changes;
  }

  private static void field(
      List<MeasureChange> changes,
      Measure measure,
      String field,
      String previous,
      String value,
      String changedBy,
      Instant at) {
    if (!Objects.equals(previous, value)) {
      changes.add(new MeasureChange(null, measure.id(), field, previous, value, changedBy, at));
    }
  }

  private static String number(BigDecimal number) {
    return number == null ? null : number.stripTrailingZeros().toPlainString();
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
