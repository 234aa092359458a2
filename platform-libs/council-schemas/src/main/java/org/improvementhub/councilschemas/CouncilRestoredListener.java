package org.improvementhub.councilschemas;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import org.improvementhub.messaging.inbox.InboxReceiver;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.events.CouncilRestored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code CouncilRestored} once (inbox) by the service's {@link CouncilRepublication}, in
 * the same transaction as the inbox record; the offset is committed only after that, so a crash
 * redelivers rather than loses. Other council events are not for this listener. Present only in a
 * service that has something to announce again.
 */
@KafkaListener(
    groupId = "${hub.service.name}-republish",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryCount = 10,
            retryDelay = "500ms"))
@Requires(beans = CouncilRepublication.class)
public class CouncilRestoredListener {

  static final String CONSUMER = "republish";
  private static final Logger LOG = LoggerFactory.getLogger(CouncilRestoredListener.class);

  private final InboxReceiver receiver;
  private final CouncilRepublication republication;

  public CouncilRestoredListener(InboxReceiver receiver, CouncilRepublication republication) {
    this.receiver = receiver;
    this.republication = republication;
  }

  @Topic(CouncilRestored.TOPIC)
  void receive(String message) {
    receiver.receive(
        CONSUMER,
        message,
        envelope ->
            CouncilRestored.TYPE.equals(envelope.type())
                ? () -> {
                  CouncilSlug council = CouncilSlug.parse(envelope.council()).orElseThrow();
                  int announced = republication.republish(council);
                  LOG.info("Restored council's records announced again: {} events", announced);
                }
                : null);
  }
}
