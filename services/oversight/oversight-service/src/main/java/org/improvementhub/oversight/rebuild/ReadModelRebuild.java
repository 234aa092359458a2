package org.improvementhub.oversight.rebuild;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.improvementhub.measures.events.MeasureValueRecorded;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.oversight.action.ActionProjection;
import org.improvementhub.oversight.council.CouncilProjection;
import org.improvementhub.oversight.driver.DriverProjection;
import org.improvementhub.oversight.measure.MeasureProjection;
import org.improvementhub.oversight.planitem.PlanItemProjection;
import org.improvementhub.oversight.projection.SourcePosition;
import org.improvementhub.oversight.tally.CouncilTallies;
import org.improvementhub.oversight.tally.ReportingDay;
import org.improvementhub.plans.events.ActionCreated;
import org.improvementhub.plans.events.DriverSaved;
import org.improvementhub.plans.events.PlanItemSaved;
import org.improvementhub.tenancy.events.CouncilProvisioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties the read model and replays every council, action, plan item, driver and measure event up
 * to now, in one transaction, so observers see either the old answer or the rebuilt one, never half
 * of it. The live listeners carry on: an event they apply meanwhile waits on the rebuild's lock,
 * and the source position keeps the newer state.
 */
@Singleton
public class ReadModelRebuild {

  private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuild.class);

  private final TransactionOperations<Connection> transactions;
  private final EventCodec codec;
  private final CouncilProjection councils;
  private final ActionProjection actions;
  private final DriverProjection drivers;
  private final MeasureProjection measures;
  private final CouncilTallies tallies;
  private final PlanItemProjection items;
  private final String bootstrapServers;

  public ReadModelRebuild(
      TransactionOperations<Connection> transactions,
      EventCodec codec,
      CouncilProjection councils,
      ActionProjection actions,
      DriverProjection drivers,
      MeasureProjection measures,
      CouncilTallies tallies,
      PlanItemProjection items,
      @Value("${kafka.bootstrap.servers}") String bootstrapServers) {
    this.transactions = transactions;
    this.codec = codec;
    this.councils = councils;
    this.actions = actions;
    this.drivers = drivers;
    this.measures = measures;
    this.tallies = tallies;
    this.items = items;
    this.bootstrapServers = bootstrapServers;
  }

  /** What a rebuild replayed. */
  @io.micronaut.serde.annotation.Serdeable
  public record RebuildResult(
      int councilEvents,
      int actionEvents,
      int driverEvents,
      int measureEvents,
      int planItemEvents) {}

  public RebuildResult rebuild() {
    List<ConsumerRecord<String, String>> councilEvents = readAll(CouncilProvisioned.TOPIC);
    List<ConsumerRecord<String, String>> actionEvents = readAll(ActionCreated.TOPIC);
    List<ConsumerRecord<String, String>> driverEvents = readAll(DriverSaved.TOPIC);
    List<ConsumerRecord<String, String>> measureEvents = readAll(MeasureValueRecorded.TOPIC);
    List<ConsumerRecord<String, String>> itemEvents = readAll(PlanItemSaved.TOPIC);
    return transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          try (Statement truncate = connection.createStatement()) {
            truncate.execute(
                "TRUNCATE oversight.observed_action, oversight.observed_council,"
                    + " oversight.council_tally, oversight.rag_snapshot,"
                    + " oversight.observed_measure_value, oversight.observed_driver,"
                    + " oversight.observed_plan_item");
          }
          for (ConsumerRecord<String, String> record : councilEvents) {
            councils.apply(connection, codec.read(record.value()));
          }
          // Recounting after every event, as the live projection does, would cost a rebuild a
          // recount per event; the snapshot of a month is the tally after the council's last event
          // of that month, so recounting there alone gives the same snapshots and tallies.
          List<EventEnvelope> actionEnvelopes = new ArrayList<>();
          Map<String, Integer> lastOfMonth = new HashMap<>();
          for (ConsumerRecord<String, String> record : actionEvents) {
            EventEnvelope event = codec.read(record.value());
            if (ActionProjection.describesAction(event.type())) {
              lastOfMonth.put(
                  event.council() + " " + ReportingDay.periodOf(event.occurredAt()),
                  actionEnvelopes.size());
            }
            actionEnvelopes.add(event);
          }
          Set<Integer> tallyAt = new HashSet<>(lastOfMonth.values());
          int appliedActions = 0;
          for (int i = 0; i < actionEvents.size(); i++) {
            if (actions.apply(
                connection,
                actionEnvelopes.get(i),
                SourcePosition.of(actionEvents.get(i)),
                tallyAt.contains(i))) {
              appliedActions++;
            }
          }
          Set<String> recount = new TreeSet<>();
          int appliedDrivers = 0;
          for (ConsumerRecord<String, String> record : driverEvents) {
            EventEnvelope event = codec.read(record.value());
            if (drivers.apply(connection, event, SourcePosition.of(record), false)) {
              appliedDrivers++;
              recount.add(event.council());
            }
          }
          for (String council : recount) {
            tallies.countDrivers(connection, council);
          }
          recount.clear();
          int appliedMeasures = 0;
          for (ConsumerRecord<String, String> record : measureEvents) {
            EventEnvelope event = codec.read(record.value());
            if (measures.apply(connection, event, SourcePosition.of(record), false)) {
              appliedMeasures++;
              recount.add(event.council());
            }
          }
          for (String council : recount) {
            tallies.countMeasures(connection, council);
          }
          int appliedItems = 0;
          for (ConsumerRecord<String, String> record : itemEvents) {
            if (items.apply(connection, codec.read(record.value()), SourcePosition.of(record))) {
              appliedItems++;
            }
          }
          RebuildResult result =
              new RebuildResult(
                  councilEvents.size(),
                  appliedActions,
                  appliedDrivers,
                  appliedMeasures,
                  appliedItems);
          LOG.info("Read model rebuilt from {}", result);
          return result;
        });
  }

  /** Every record on {@code topic} up to its end when the call began, in partition order. */
  private List<ConsumerRecord<String, String>> readAll(String topic) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      if (partitions == null || partitions.isEmpty()) {
        return List.of();
      }
      List<TopicPartition> assigned =
          partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(10));
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      while (assigned.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() < end.get(new TopicPartition(topic, record.partition()))) {
            records.add(record);
          }
        }
      }
      return records;
    }
  }
}
