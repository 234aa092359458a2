package org.improvementhub.notifications.action;

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
import org.improvementhub.plans.events.ActionWithdrawn;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each action event once (inbox) to the tracked actions; the offset is committed only after
 * the event's effect, so a crash redelivers rather than loses. Other event types on the topic are
 * not for this service.
 */
@KafkaListener(
    groupId = "notifications-actions",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryCount = 10,
            retryDelay = "500ms"))
public class ActionEventListener {

  static final String CONSUMER = "tracked-actions";
  private static final Logger LOG = LoggerFactory.getLogger(ActionEventListener.class);

  private final EventCodec codec;
  private final InboxReceiver receiver;
  private final TrackedActions actions;

  public ActionEventListener(EventCodec codec, InboxReceiver receiver, TrackedActions actions) {
    this.codec = codec;
    this.receiver = receiver;
    this.actions = actions;
  }

  @Topic(ActionCreated.TOPIC)
  void receive(String message) {
    receiver.receive(CONSUMER, message, this::effectOf);
  }

  /** What the event does to the tracked actions; null for a type this service ignores. */
  private Runnable effectOf(EventEnvelope envelope) {
    CouncilSlug council = CouncilSlug.parse(envelope.council()).orElse(null);
    switch (envelope.type()) {
      case ActionCreated.TYPE -> {
        ActionCreated created = codec.dataOf(envelope, ActionCreated.class);
        require(envelope, created.action() != null || created.actionId() != null);
        require(envelope, created.action() != null || created.dueDate() != null);
        require(envelope, created.action() == null || whole(created.action()));
        return () -> actions.created(council, created);
      }
      case ActionProgressReported.TYPE -> {
        ActionProgressReported reported = codec.dataOf(envelope, ActionProgressReported.class);
        require(envelope, whole(reported.action()));
        return () -> actions.progressReported(council, reported);
      }
      case ActionDueDateRevised.TYPE -> {
        ActionDueDateRevised revised = codec.dataOf(envelope, ActionDueDateRevised.class);
        require(envelope, whole(revised.action()));
        return () -> actions.dueDateRevised(council, revised);
      }
      case ActionCompleted.TYPE -> {
        ActionCompleted completed = codec.dataOf(envelope, ActionCompleted.class);
        require(envelope, whole(completed.action()));
        return () -> actions.completed(council, completed);
      }
      case ActionWithdrawn.TYPE -> {
        ActionWithdrawn withdrawn = codec.dataOf(envelope, ActionWithdrawn.class);
        require(envelope, whole(withdrawn.action()));
        return () -> actions.withdrawn(council, withdrawn);
      }
      case ActionFellOverdue.TYPE -> {
        ActionFellOverdue overdue = codec.dataOf(envelope, ActionFellOverdue.class);
        require(envelope, overdue.action() != null || overdue.actionId() != null);
        require(envelope, overdue.action() != null || overdue.dueDate() != null);
        require(envelope, overdue.action() == null || whole(overdue.action()));
        return () -> actions.fellOverdue(council, overdue);
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean whole(ActionSnapshot action) {
    return action != null && action.actionId() != null && action.dueDate() != null;
  }

  private static void require(EventEnvelope envelope, boolean condition) {
    if (!condition) {
      throw new MalformedEventException(
          "Event " + envelope.type() + " " + envelope.eventId() + " names no action or due date",
          null);
    }
  }
}
