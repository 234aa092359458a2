package org.improvementhub.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.improvementhub.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Files as councils type them: byte-order marks, blank lines, spreadsheet numbers and dates. */
class TabularFileTest {

  private final TabularFile files = TabularFile.ofAtMost(10);

  @Test
  void csvRowsKeepTheirSpreadsheetNumbersAndSkipBlankLines() {
    byte[] csv =
        ("\uFEFFMeasure, Period ,Value,Note\n"
                + "Visits,2024-01,90,\"one, two\"\n"
                + "\n"
                + ",,,\n"
                + "Visits,2024-02,91,\n")
            .getBytes(StandardCharsets.UTF_8);
    Table table = files.read(csv, TabularFile.CSV);
    assertThat(table.columns()).containsExactly("measure", "period", "value", "note");
    List<TableRow> rows = table.rows();
    assertThat(rows).extracting(TableRow::row).containsExactly(2, 5);
    assertThat(rows.get(0).cell("measure"))
        .as("the byte-order mark is dropped")
        .isEqualTo("Visits");
    assertThat(rows.get(0).cell("period")).isEqualTo("2024-01");
    assertThat(rows.get(0).cell("note")).isEqualTo("one, two");
    assertThat(rows.get(1).cell("note")).isNull();
  }

  /** Found by MeasuresFuzzIT: an upload's part of type "nonsense" was a 500. */
  @Test
  void anUploadsTypeThatIsNoMediaTypeCountsAsNoneDeclared() {
    assertThat(
            TabularFile.declaredType(
                () -> {
                  throw new IllegalArgumentException("Invalid mime type: nonsense");
                }))
        .isNull();
    assertThat(TabularFile.declaredType(() -> java.util.Optional.of("text/csv")))
        .isEqualTo("text/csv");
    assertThat(TabularFile.declaredType(java.util.Optional::empty)).isNull();
  }

  /** Found by MeasuresFuzzIT: a NUL in a value's note reached PostgreSQL and was a 500. */
  @Test
  void aNulInACellIsRefusedNamingItsRowAndColumn() {
    byte[] csv = "code,note\nA1,fine\nA2,bad\u0000note\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TabularFile.ofAtMost(10).read(csv, TabularFile.CSV))
        .isInstanceOfSatisfying(
            org.improvementhub.web.problem.ProblemException.class,
            problem ->
                assertThat(problem.problem().errors())
                    .singleElement()
                    .satisfies(
                        error -> {
                          assertThat(error.field()).isEqualTo("rows[3].note");
                          assertThat(error.message()).contains("NUL");
                        }));
  }

  @Test
  void aQuotedCellSpanningLinesIsStillOneRow() {
    byte[] csv = "ref,title\n1,\"two\nlines\"\n2,next\n".getBytes(StandardCharsets.UTF_8);
    List<TableRow> rows = files.read(csv, TabularFile.CSV).rows();
    assertThat(rows).extracting(TableRow::row).containsExactly(2, 3);
    assertThat(rows.get(0).cell("title")).isEqualTo("two\nlines");
  }

  @Test
  void xlsxNumbersReadAsTyped() throws IOException {
    byte[] workbook =
        workbook(
            book -> {
              Sheet sheet = book.createSheet();
              sheet.createRow(0).createCell(0).setCellValue("value");
              sheet.createRow(1).createCell(0).setCellValue(84.8);
              sheet.createRow(3).createCell(0).setCellValue(100);
            });
    List<TableRow> rows = files.read(workbook, TabularFile.XLSX).rows();
    assertThat(rows).extracting(TableRow::row).containsExactly(2, 4);
    assertThat(rows).extracting(row -> row.cell("value")).containsExactly("84.8", "100");
  }

  @Test
  void xlsxDatesReadAsIsoDatesAndPeriodsAsMonths() throws IOException {
    byte[] workbook =
        workbook(
            book -> {
              Sheet sheet = book.createSheet();
              Row header = sheet.createRow(0);
              header.createCell(0).setCellValue("Due_Date");
              header.createCell(1).setCellValue("period");
              CellStyle date = book.createCellStyle();
              date.setDataFormat(
                  book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
              Row row = sheet.createRow(1);
              row.createCell(0).setCellValue(LocalDate.of(2012, 1, 31));
              row.getCell(0).setCellStyle(date);
              row.createCell(1).setCellValue(LocalDate.of(2011, 11, 1));
              row.getCell(1).setCellStyle(date);
            });
    TableRow row = files.read(workbook, TabularFile.XLSX).rows().get(0);
    assertThat(row.cell("due_date")).isEqualTo("2012-01-31");
    assertThat(row.cell("period")).isEqualTo("2011-11");
  }

  @Test
  void theNamedSheetIsReadWhenThereIsOneAndTheFirstOtherwise() throws IOException {
    byte[] workbook =
        workbook(
            book -> {
              Sheet guide = book.createSheet("Guide");
              guide.createRow(0).createCell(0).setCellValue("column");
              guide.createRow(1).createCell(0).setCellValue("from the guide");
              Sheet plan = book.createSheet("Plan");
              plan.createRow(0).createCell(0).setCellValue("title");
              plan.createRow(1).createCell(0).setCellValue("from the plan");
            });
    assertThat(files.preferringSheet("Plan").read(workbook, TabularFile.XLSX).columns())
        .containsExactly("title");
    assertThat(files.preferringSheet("Missing").read(workbook, TabularFile.XLSX).columns())
        .containsExactly("column");
  }

  @Test
  void moreRowsThanAllowedIsAProblemNamingTheFile() {
    byte[] csv = ("n\n" + "1\n".repeat(11)).getBytes(StandardCharsets.UTF_8);
    assertProblemNamingTheFile(() -> files.read(csv, TabularFile.CSV));
  }

  @Test
  void anUnreadableOrEmptyFileIsAProblemNamingTheFile() {
    for (byte[] content : new byte[][] {new byte[0], "PK\u0003\u0004 broken".getBytes()}) {
      assertProblemNamingTheFile(() -> files.read(content, TabularFile.XLSX));
    }
  }

  /** Found by PlansFuzzIT: the parser's own exception class was echoed to the caller. */
  @Test
  void aCsvThatCannotBeParsedSaysWhereWithoutJavaClassNames() {
    byte[] csv = "ref,title\n1,\"quoted\"then text\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> files.read(csv, TabularFile.CSV))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().detail())
                    .contains("could not be read as CSV")
                    .contains("line")
                    .doesNotContain("org.apache")
                    .doesNotContain("Exception"));
  }

  /**
   * Found by PlansFuzzIT: a workbook of a few kilobytes with one cell a million rows down made a
   * million empty rows before the row limit refused it; now the limit is checked first.
   */
  @Test
  void aWorkbookWithACellAMillionRowsDownIsRefusedAsTooLong() throws IOException {
    byte[] workbook =
        workbook(
            book -> {
              Sheet sheet = book.createSheet();
              sheet.createRow(0).createCell(0).setCellValue("ref");
              sheet.createRow(1_048_000).createCell(0).setCellValue("far away");
            });
    assertThatThrownBy(() -> files.read(workbook, TabularFile.XLSX))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().errors())
                    .extracting("message")
                    .containsExactly("must have at most 10 rows"));
  }

  @Test
  void theKindOfAnUploadComesFromItsContentType() {
    assertThat(TabularFile.kindOf(TabularFile.XLSX + "; charset=binary"))
        .isEqualTo(TabularFile.XLSX);
    assertThat(TabularFile.kindOf("text/csv; charset=utf-8")).isEqualTo(TabularFile.CSV);
    assertThat(TabularFile.kindOf(null)).isEqualTo(TabularFile.CSV);
    assertThat(TabularFile.kindOfUpload("Plan.XLSX", null)).isEqualTo(TabularFile.XLSX);
    assertThat(TabularFile.kindOfUpload("plan", TabularFile.XLSX)).isEqualTo(TabularFile.XLSX);
    assertThat(TabularFile.kindOfUpload("plan.csv", "application/octet-stream"))
        .isEqualTo(TabularFile.CSV);
    assertThat(TabularFile.kindOfUpload(null, null)).isEqualTo(TabularFile.CSV);
    assertProblemNamingTheFile(() -> TabularFile.kindOfUpload("plan.docx", null));
  }

  private static void assertProblemNamingTheFile(ThrowingCallable reading) {
    assertThatThrownBy(reading)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().errors()).extracting("field").containsExactly("file"));
  }

  private interface WorkbookContent {
    void fill(XSSFWorkbook book);
  }

  private static byte[] workbook(WorkbookContent content) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      content.fill(book);
      book.write(out);
      return out.toByteArray();
    }
  }
}
