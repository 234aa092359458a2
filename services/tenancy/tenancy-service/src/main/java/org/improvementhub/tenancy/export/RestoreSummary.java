package org.improvementhub.tenancy.export;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** What a restore loaded: rows per table, from which council's export. */
@Serdeable
public record RestoreSummary(String council, String restoredFrom, Map<String, Long> rows) {}
