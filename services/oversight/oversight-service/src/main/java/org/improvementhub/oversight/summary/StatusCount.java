package org.improvementhub.oversight.summary;

import io.micronaut.serde.annotation.Serdeable;

/** How many of a council's measures stand at one status (their latest period's). */
@Serdeable
public record StatusCount(String status, long count) {}
