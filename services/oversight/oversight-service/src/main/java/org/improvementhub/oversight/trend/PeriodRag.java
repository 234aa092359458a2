package org.improvementhub.oversight.trend;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.improvementhub.oversight.summary.RagCount;

/** A council's RAG counts and shares as at the end of one reporting period ({@code YYYY-MM}). */
@Serdeable
public record PeriodRag(String period, long totalActions, List<RagCount> rag) {

  public long countOf(String status) {
    return rag.stream().filter(r -> r.status().equals(status)).mapToLong(RagCount::count).sum();
  }
}
