package org.improvementhub.measures.republish;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.Optional;
import org.improvementhub.councilschemas.CouncilRepublication;
import org.improvementhub.measures.events.MeasureDefined;
import org.improvementhub.measures.events.MeasureStatusChanged;
import org.improvementhub.measures.events.MeasureValueRecorded;
import org.improvementhub.measures.measure.Measure;
import org.improvementhub.measures.measure.MeasureRepository;
import org.improvementhub.measures.measure.Measures;
import org.improvementhub.measures.status.StatusRule;
import org.improvementhub.measures.status.TargetStep;
import org.improvementhub.measures.value.MeasureValue;
import org.improvementhub.measures.value.MeasureValueRepository;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Announces every measure of the council the unit of work is bound to ({@code MeasureDefined}),
 * each value at its current revision ({@code MeasureValueRecorded}) and, where one was announced,
 * the period's status ({@code MeasureStatusChanged}, with no previous status: to a reader of the
 * restored council it is the first). Readers apply all three as upserts keyed by measure and
 * period.
 */
@Singleton
public class MeasureRepublication implements CouncilRepublication {

  private final MeasureRepository measures;
  private final MeasureValueRepository values;
  private final Measures definitions;
  private final Outbox outbox;

  public MeasureRepublication(
      MeasureRepository measures,
      MeasureValueRepository values,
      Measures definitions,
      Outbox outbox) {
    this.measures = measures;
    this.values = values;
    this.definitions = definitions;
    this.outbox = outbox;
  }

  /**
   * Must run inside the unit of work bound to {@code council}.
   *
   * @return how many events were announced
   */
  @Transactional
  @Override
  public int republish(CouncilSlug council) {
    int announced = 0;
    for (Measure measure : measures.listOrderByName()) {
      String key = measure.id().toString();
      outbox.append(
          MeasureDefined.TOPIC,
          council,
          MeasureDefined.TYPE,
          1,
          key,
          new MeasureDefined(
              measure.id(),
              measure.name(),
              measure.definition(),
              measure.unit().name(),
              measure.polarity().name(),
              measure.frequency().name()));
      announced++;
      StatusRule rule = definitions.ruleFor(measure);
      for (MeasureValue value : values.findByMeasureIdOrderByPeriod(measure.id())) {
        YearMonth period = YearMonth.from(value.period());
        outbox.append(
            MeasureValueRecorded.TOPIC,
            council,
            MeasureValueRecorded.TYPE,
            1,
            key,
            new MeasureValueRecorded(
                measure.id(),
                measure.name(),
                measure.unit().name(),
                measure.polarity().name(),
                period.toString(),
                value.value(),
                value.numerator(),
                value.denominator(),
                value.revision(),
                value.enteredAt()));
        announced++;
        if (value.status() != null) {
          Optional<TargetStep> target = rule.targetFor(period);
          outbox.append(
              MeasureStatusChanged.TOPIC,
              council,
              MeasureStatusChanged.TYPE,
              1,
              key,
              new MeasureStatusChanged(
                  measure.id(),
                  measure.name(),
                  period.toString(),
                  null,
                  value.status().name(),
                  value.value(),
                  target.map(TargetStep::value).orElse(null),
                  target.map(TargetStep::lower).orElse(null),
                  target.map(TargetStep::upper).orElse(null),
                  value.enteredAt()));
          announced++;
        }
      }
    }
    return announced;
  }
}
