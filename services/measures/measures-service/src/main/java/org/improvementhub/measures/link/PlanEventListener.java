package org.improvementhub.measures.link;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.messaging.envelope.MalformedEventException;
import org.improvementhub.messaging.inbox.InboxReceiver;
import org.improvementhub.plans.events.ActionCompleted;
import org.improvementhub.plans.events.ActionCreated;
import org.improvementhub.plans.events.ActionDueDateRevised;
import org.improvementhub.plans.events.ActionFellOverdue;
import org.improvementhub.plans.events.ActionProgressReported;
import org.improvementhub.plans.events.ActionSnapshot;
import org.improvementhub.plans.events.PlanItemRemoved;
import org.improvementhub.plans.events.PlanItemSaved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the plans service's action and plan item events once each (inbox) to the council's plan
 * records; the offset is committed only after the effect, so a crash redelivers rather than loses.
 * Other event types on these topics are not for this service.
 */
@KafkaListener(
    groupId = "measures-plan-records",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryCount = 10,
            retryDelay = "500ms"))
public class PlanEventListener {

  static final String CONSUMER = "plan-records";
  private static final Logger LOG = LoggerFactory.getLogger(PlanEventListener.class);

  private final EventCodec codec;
  private final InboxReceiver receiver;
  private final PlanRecords records;

  public PlanEventListener(EventCodec codec, InboxReceiver receiver, PlanRecords records) {
    this.codec = codec;
    this.receiver = receiver;
    this.records = records;
  }

  @Topic({ActionCreated.TOPIC, PlanItemSaved.TOPIC})
  void receive(String message) {
    receiver.receive(CONSUMER, message, this::effectOf);
  }

  /** What the event does to the plan records; null for a type this service ignores. */
  private Runnable effectOf(EventEnvelope envelope) {
    switch (envelope.type()) {
      case ActionCreated.TYPE -> {
        ActionCreated created = codec.dataOf(envelope, ActionCreated.class);
        if (created.action() != null) {
          ActionSnapshot action = whole(envelope, created.action());
          return () -> records.actionIs(action);
        }
        require(envelope, created.actionId() != null && created.ref() != null);
        return () ->
            records.actionIs(
                created.actionId(), created.ref(), created.title(), created.ragStatus());
      }
      case ActionProgressReported.TYPE -> {
        ActionSnapshot action =
            whole(envelope, codec.dataOf(envelope, ActionProgressReported.class).action());
        return () -> records.actionIs(action);
      }
      case ActionDueDateRevised.TYPE -> {
        ActionSnapshot action =
            whole(envelope, codec.dataOf(envelope, ActionDueDateRevised.class).action());
        return () -> records.actionIs(action);
      }
      case ActionCompleted.TYPE -> {
        ActionSnapshot action =
            whole(envelope, codec.dataOf(envelope, ActionCompleted.class).action());
        return () -> records.actionIs(action);
      }
      case ActionFellOverdue.TYPE -> {
        ActionFellOverdue overdue = codec.dataOf(envelope, ActionFellOverdue.class);
        if (overdue.action() == null) {
          return null;
        }
        ActionSnapshot action = whole(envelope, overdue.action());
        return () -> records.actionIs(action);
      }
      case PlanItemSaved.TYPE -> {
        PlanItemSaved item = codec.dataOf(envelope, PlanItemSaved.class);
        require(envelope, item.itemId() != null && item.ref() != null && item.title() != null);
        return () -> records.itemIs(item);
      }
      case PlanItemRemoved.TYPE -> {
        PlanItemRemoved removed = codec.dataOf(envelope, PlanItemRemoved.class);
        require(envelope, removed.itemId() != null);
        return () -> records.itemRemoved(removed.itemId());
      }
      default -> {
        return null;
      }
    }
  }

  private static ActionSnapshot whole(EventEnvelope envelope, ActionSnapshot action) {
    require(
        envelope,
        action != null
            && action.actionId() != null
            && action.ref() != null
            && action.title() != null);
    return action;
  }

  private static void require(EventEnvelope envelope, boolean condition) {
    if (!condition) {
      throw new MalformedEventException(
          "Event " + envelope.type() + " " + envelope.eventId() + " lacks the record it names",
          null);
    }
  }
}
