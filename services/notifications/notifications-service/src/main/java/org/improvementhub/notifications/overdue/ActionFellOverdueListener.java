package org.improvementhub.notifications.overdue;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.messaging.envelope.MalformedEventException;
import org.improvementhub.messaging.inbox.Inbox;
import org.improvementhub.plans.events.ActionFellOverdue;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues the overdue email for each {@code ActionFellOverdue}; other events on the topic are not
 * for this listener. Each event is applied once (inbox), and the offset is committed only after the
 * email is queued, so a crash redelivers rather than loses.
 */
@KafkaListener(
    groupId = "notifications-overdue",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryCount = 10,
            retryDelay = "500ms"))
public class ActionFellOverdueListener {

  static final String CONSUMER = "overdue-email";
  private static final Logger LOG = LoggerFactory.getLogger(ActionFellOverdueListener.class);

  private final EventCodec codec;
  private final Inbox inbox;
  private final OverdueEmails emails;

  public ActionFellOverdueListener(EventCodec codec, Inbox inbox, OverdueEmails emails) {
    this.codec = codec;
    this.inbox = inbox;
    this.emails = emails;
  }

  @Topic(ActionFellOverdue.TOPIC)
  void receive(String message) {
    EventEnvelope envelope;
    ActionFellOverdue overdue;
    try {
      envelope = codec.read(message);
      if (!ActionFellOverdue.TYPE.equals(envelope.type())) {
        return;
      }
      overdue = codec.dataOf(envelope, ActionFellOverdue.class);
      if (!OverdueEmails.canBeSent(overdue)) {
        throw new MalformedEventException(
            "Event " + envelope.eventId() + " names no action, due date or lead email", null);
      }
    } catch (MalformedEventException e) {
      // Retrying cannot make it readable; skipping it is all that can be done.
      LOG.error("Unreadable message on {} skipped: {}", ActionFellOverdue.TOPIC, e.getMessage());
      return;
    }
    inbox.applyOnce(
        CONSUMER, envelope, () -> emails.queue(CouncilSlug.of(envelope.council()), overdue));
  }
}
