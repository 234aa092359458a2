package org.improvementhub.oversight.trend;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A council's RAG counts period by period, oldest first, from its first action event to the current
 * period; a period without events carries the previous one's counts.
 */
@Serdeable
public record CouncilTrend(String council, List<PeriodRag> periods) {}
