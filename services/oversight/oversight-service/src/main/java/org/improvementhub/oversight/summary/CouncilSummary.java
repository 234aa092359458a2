package org.improvementhub.oversight.summary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * One council's programme at a glance, as observers compare councils.
 *
 * @param measures the council's measures by their latest period's status: Green, Amber, Red, Grey
 * @param drivers how many drivers (Ofsted recommendations, Improvement Notice items...) the plan
 *     has
 * @param driversWithoutActions how many of them no action answers yet
 */
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
    List<StatusCount> measures,
    long drivers,
    long driversWithoutActions,
    @Nullable Instant lastUpdate) {

  long countOf(String status) {
    return rag.stream().filter(r -> r.status().equals(status)).mapToLong(RagCount::count).sum();
  }
}
