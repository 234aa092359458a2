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
import org.improvementhub.tenancy.events.CouncilProvisioned;

/** Each service migrates a newly provisioned council's schema and answers tenancy. */
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
public class CouncilProvisionedListener {

  private final EventCodec codec;
  private final CouncilSchemaProvisioning provisioning;

  public CouncilProvisionedListener(EventCodec codec, CouncilSchemaProvisioning provisioning) {
    this.codec = codec;
    this.provisioning = provisioning;
  }

  @Topic(CouncilProvisioned.TOPIC)
  void receive(String message) {
    EventEnvelope envelope = codec.read(message);
    if (!CouncilProvisioned.TYPE.equals(envelope.type())) {
      return;
    }
    CouncilProvisioned provisioned = codec.dataOf(envelope, CouncilProvisioned.class);
    provisioning.prepare(
        CouncilSlug.of(provisioned.slug()), provisioned.name(), provisioned.laCode(), true);
  }
}
