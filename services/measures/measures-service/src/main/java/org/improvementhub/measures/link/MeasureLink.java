package org.improvementhub.measures.link;

import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A measure linked to an action or plan item ({@code recordId}), by whom and when. */
@MappedEntity("measure_link")
public record MeasureLink(
    @Id @AutoPopulated UUID id, UUID measureId, UUID recordId, String linkedBy, Instant linkedAt) {}
