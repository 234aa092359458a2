package org.improvementhub.tenancy.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The first entry of an export: whose data it is, the tables in load order and each service's
 * schema version (a restore refuses a target at other versions).
 */
@Serdeable
// an empty council's export lists no tables: [] and {} must be written, or it cannot be restored
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExportManifest(
    int format,
    String council,
    String councilName,
    Instant exportedAt,
    List<String> tables,
    Map<String, String> versions,
    Map<String, Long> rows) {

  static final int FORMAT = 1;
  static final String ENTRY = "manifest.json";

  static String entryOf(String table) {
    return "tables/" + table + ".csv";
  }
}
