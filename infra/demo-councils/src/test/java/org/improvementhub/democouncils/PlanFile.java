package org.improvementhub.democouncils;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** One demo plan file read row by row, as the plan template lays it out. */
record PlanFile(String slug, List<String> header, List<Row> rows) {

  /** The template's columns, in the order the template lists them. */
  static final List<String> TEMPLATE_COLUMNS =
      List.of(
          "record",
          "ref",
          "parent_ref",
          "title",
          "description",
          "success_criteria",
          "owner",
          "leads",
          "start_date",
          "due_date",
          "revised_due_date",
          "revision_reason",
          "completed_on",
          "rag",
          "period",
          "review_note",
          "reported_by",
          "reported_on",
          "drivers",
          "driver_kind",
          "timeframe",
          "evidence",
          "setting",
          "value");

  /** A data row with its line number in the file (the header is line 1). */
  record Row(long line, Map<String, String> cells) {
    String get(String column) {
      return cells.getOrDefault(column, "");
    }

    String record() {
      return get("record").toUpperCase(Locale.ROOT);
    }
  }

  static PlanFile read(String slug) throws IOException {
    String path = "demo-councils/" + slug + "/plan.csv";
    InputStream in = PlanFile.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("No " + path + " on the classpath");
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      List<Row> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        Map<String, String> cells = new LinkedHashMap<>();
        record.toMap().forEach((k, v) -> cells.put(k.toLowerCase(Locale.ROOT).strip(), v));
        rows.add(new Row(parser.getCurrentLineNumber(), cells));
      }
      return new PlanFile(slug, parser.getHeaderNames(), rows);
    }
  }

  List<Row> of(String record) {
    return rows.stream().filter(r -> r.record().equals(record)).toList();
  }

  Optional<String> setting(String name) {
    return of("PROGRAMME").stream()
        .filter(r -> r.get("setting").equalsIgnoreCase(name))
        .map(r -> r.get("value"))
        .findFirst();
  }

  List<String> levelNames() {
    return setting("level_names").stream()
        .flatMap(v -> java.util.Arrays.stream(v.split(";")))
        .map(String::strip)
        .toList();
  }
}
