package org.improvementhub.messaging.envelope;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON every event travels in (DESIGN.md, "Events"). {@code data} is the event's own record;
 * {@code council} is the slug of the council it concerns, also the Kafka record key, so that each
 * council's events stay in order; it is null only for an event about no single council ({@code
 * Outbox.appendPlatformWide}), which consumers of council events never take for one.
 *
 * <p>Envelopes and event records are read tolerantly ({@code ignoreUnknown}): a newer producer may
 * add fields, which an older consumer ignores, although requests to the HTTP APIs reject unknown
 * fields.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
    UUID eventId,
    String type,
    int version,
    @Nullable String council,
    Instant occurredAt,
    String aggregateId,
    JsonNode data) {}
