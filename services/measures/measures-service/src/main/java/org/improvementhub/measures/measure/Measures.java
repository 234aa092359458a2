package org.improvementhub.measures.measure;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.improvementhub.measures.events.MeasureDefined;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/** Defines and reads a council's measures; each definition is announced through the outbox. */
@Singleton
public class Measures {

  private final MeasureRepository measures;
  private final Outbox outbox;

  public Measures(MeasureRepository measures, Outbox outbox) {
    this.measures = measures;
    this.outbox = outbox;
  }

  @Transactional
  public Measure define(CouncilSlug council, NewMeasure request) {
    String name = request.name().strip();
    if (measures.existsByNameIgnoringCase(name)) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "A measure named \"" + name + "\" already exists");
    }
    Measure saved =
        measures.save(
            Measure.define(
                name,
                request.definition().strip(),
                request.unit(),
                request.polarity(),
                request.frequency()));
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

  @Transactional
  public List<Measure> all() {
    return measures.listOrderByName();
  }

  @Transactional
  public Optional<Measure> find(UUID id) {
    return measures.findById(id);
  }
}
