package org.improvementhub.plans.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.improvementhub.tabular.Table;
import org.improvementhub.tabular.TabularFile;
import org.improvementhub.web.problem.ProblemException;

/**
 * Reads a plan file (CSV, or the {@code Plan} sheet of an XLSX workbook) into rows of text, as
 * {@link TabularFile} reads every file a council fills in, and writes rows back in the same shape.
 */
final class PlanSheets {

  static final String PLAN_SHEET = "Plan";
  static final String GUIDE_SHEET = "Guide";

  /** Far more rows than any council's plan; a bigger file is a mistake, not a plan. */
  static final int MOST_ROWS = 20_000;

  private static final TabularFile FILES =
      TabularFile.ofAtMost(MOST_ROWS).preferringSheet(PLAN_SHEET);

  private PlanSheets() {}

  /**
   * @param kind {@link PlanTemplate#CSV} or {@link PlanTemplate#XLSX}
   * @return the header's columns (lower case) and the non-blank rows
   * @throws ProblemException naming {@code file} when it cannot be read as that kind
   */
  static Sheet read(byte[] content, String kind) {
    Table table = FILES.read(content, kind);
    return new Sheet(
        table.columns(),
        table.rows().stream().map(row -> new PlanRow(row.row(), row.cells())).toList());
  }

  /** A file read: its columns as named in the header row, and its rows. */
  record Sheet(List<String> columns, List<PlanRow> rows) {}

  /** Rows as CSV, header first, in the template's column order. */
  static byte[] csv(List<Map<String, String>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer =
            new CSVPrinter(
                writer,
                CSVFormat.DEFAULT
                    .builder()
                    .setHeader(PlanTemplate.COLUMNS.toArray(String[]::new))
                    .setRecordSeparator("\n")
                    .get())) {
      for (Map<String, String> row : rows) {
        printer.printRecord(
            PlanTemplate.COLUMNS.stream().map(c -> row.getOrDefault(c, "")).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Rows as an XLSX workbook: the {@code Plan} sheet and the {@code Guide} sheet. */
  static byte[] xlsx(List<Map<String, String>> rows) {
    // streaming, so a plan of thousands of rows does not hold every cell's objects in memory
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      org.apache.poi.ss.usermodel.Sheet plan = workbook.createSheet(PLAN_SHEET);
      writeRow(plan, 0, PlanTemplate.COLUMNS);
      int r = 1;
      for (Map<String, String> row : rows) {
        writeRow(
            plan, r++, PlanTemplate.COLUMNS.stream().map(c -> row.getOrDefault(c, "")).toList());
      }
      org.apache.poi.ss.usermodel.Sheet guide = workbook.createSheet(GUIDE_SHEET);
      writeRow(guide, 0, List.of("column", "what it holds"));
      int g = 1;
      for (Map.Entry<String, String> column : PlanTemplate.GUIDE.entrySet()) {
        writeRow(guide, g++, List.of(column.getKey(), column.getValue()));
      }
      g++;
      writeRow(guide, g++, List.of("PROGRAMME setting", "what it holds"));
      for (Map.Entry<String, String> setting : PlanTemplate.SETTINGS.entrySet()) {
        writeRow(guide, g++, List.of(setting.getKey(), setting.getValue()));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeRow(
      org.apache.poi.ss.usermodel.Sheet sheet, int index, List<String> values) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (value != null && !value.isEmpty()) {
        row.createCell(i, CellType.STRING).setCellValue(value);
      }
    }
  }
}
