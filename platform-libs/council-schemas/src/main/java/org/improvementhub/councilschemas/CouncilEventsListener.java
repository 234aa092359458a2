package org.improvementhub.councilschemas;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.CouncilStatus;
import org.improvementhub.tenancy.events.CouncilProvisioned;
import org.improvementhub.tenancy.events.CouncilStatusChanged;

/**
 * Tenancy's council events, as every service with council schemas hears them: a newly provisioned
 * council's schema is migrated (and tenancy answered), a status change is recorded for {@link
 * AnnouncedCouncilStatuses}.
 */
@KafkaListener(
    groupId = "${hub.service.name}-council-schemas",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryCount = 10,
            retryDelay = "500ms"))
@Requires(property = "hub.council-schemas.listen", notEquals = "false")
public class CouncilEventsListener {

  private final EventCodec codec;
  private final CouncilSchemaProvisioning provisioning;
  private final AnnouncedCouncilStatuses statuses;

  public CouncilEventsListener(
      EventCodec codec, CouncilSchemaProvisioning provisioning, AnnouncedCouncilStatuses statuses) {
    this.codec = codec;
    this.provisioning = provisioning;
    this.statuses = statuses;
  }

  @Topic(CouncilProvisioned.TOPIC)
  void receive(String message) {
    EventEnvelope envelope = codec.read(message);
    if (CouncilStatusChanged.TYPE.equals(envelope.type())) {
      CouncilStatusChanged changed = codec.dataOf(envelope, CouncilStatusChanged.class);
      statuses.record(
          CouncilSlug.of(changed.slug()),
          CouncilStatus.valueOf(changed.status()),
          envelope.occurredAt(),
          changed.reason());
      return;
    }
    if (!CouncilProvisioned.TYPE.equals(envelope.type())) {
      return;
    }
    CouncilProvisioned provisioned = codec.dataOf(envelope, CouncilProvisioned.class);
    provisioning.prepare(
        CouncilSlug.of(provisioned.slug()), provisioned.name(), provisioned.laCode(), true);
  }
}
