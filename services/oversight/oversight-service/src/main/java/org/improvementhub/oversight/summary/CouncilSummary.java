package org.improvementhub.oversight.summary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** One council's programme at a glance, as observers compare councils. */
@Serdeable
public record CouncilSummary(
    String council,
    String name,
    @Nullable Integer laCode,
    String status,
    long totalActions,
    List<RagCount> rag,
    long overdue,
    long dueNext30Days,
    @Nullable Instant lastUpdate) {

  long countOf(String status) {
    return rag.stream().filter(r -> r.status().equals(status)).mapToLong(RagCount::count).sum();
  }
}
