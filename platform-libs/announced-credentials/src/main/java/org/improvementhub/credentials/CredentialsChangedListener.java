package org.improvementhub.credentials;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.tenancy.events.CredentialsChanged;

/**
 * Tenancy's announcements of password changes, recorded for {@link AnnouncedCredentials}. A group
 * of its own, apart from the service's other listeners on the council topic, so that a slow council
 * migration never holds back a password change.
 */
@KafkaListener(
    groupId = "${hub.service.name}-credentials",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryCount = 10,
            retryDelay = "500ms"))
@Requires(property = "hub.credentials.listen", notEquals = "false")
public class CredentialsChangedListener {

  private final EventCodec codec;
  private final AnnouncedCredentials credentials;

  public CredentialsChangedListener(EventCodec codec, AnnouncedCredentials credentials) {
    this.codec = codec;
    this.credentials = credentials;
  }

  @Topic(CredentialsChanged.TOPIC)
  void receive(String message) {
    EventEnvelope envelope = codec.read(message);
    if (!CredentialsChanged.TYPE.equals(envelope.type())) {
      return;
    }
    CredentialsChanged changed = codec.dataOf(envelope, CredentialsChanged.class);
    credentials.record(changed.email(), changed.credentialsVersion(), envelope.occurredAt());
  }
}
