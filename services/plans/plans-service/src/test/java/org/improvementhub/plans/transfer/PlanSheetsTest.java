package org.improvementhub.plans.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.improvementhub.plans.action.NewAction;
import org.junit.jupiter.api.Test;

/** Plan files as councils type them: spreadsheet dates, numeric refs, byte-order marks, leads. */
class PlanSheetsTest {

  @Test
  void spreadsheetDatesAndNumbersReadAsTheTextTheTemplateExpects() throws IOException {
    byte[] xlsx;
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet("Plan");
      Row header = sheet.createRow(0);
      List<String> columns = List.of("Record", "ref", "due_date", "period");
      for (int i = 0; i < columns.size(); i++) {
        header.createCell(i).setCellValue(columns.get(i));
      }
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue("ACTION");
      row.createCell(1).setCellValue(2.1);
      row.createCell(2).setCellValue(LocalDate.of(2012, 1, 31));
      row.getCell(2).setCellStyle(date);
      row.createCell(3).setCellValue(LocalDate.of(2011, 11, 1));
      row.getCell(3).setCellStyle(date);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      xlsx = out.toByteArray();
    }

    PlanSheets.Sheet read = PlanSheets.read(xlsx, PlanTemplate.XLSX);

    assertThat(read.columns()).containsExactly("record", "ref", "due_date", "period");
    PlanRow row = read.rows().get(0);
    assertThat(row.row()).isEqualTo(2);
    assertThat(row.cell("ref")).isEqualTo("2.1");
    assertThat(row.cell("due_date")).isEqualTo("2012-01-31");
    assertThat(row.cell("period")).isEqualTo("2011-11");
  }

  @Test
  void csvWithAByteOrderMarkAndBlankLinesKeepsItsRowNumbers() {
    byte[] csv = ("\uFEFFrecord,ref\nITEM,1\n,\nITEM,\"2\"\n").getBytes(StandardCharsets.UTF_8);
    PlanSheets.Sheet read = PlanSheets.read(csv, PlanTemplate.CSV);
    assertThat(read.columns()).containsExactly("record", "ref");
    assertThat(read.rows()).extracting(PlanRow::row).containsExactly(2, 4);
  }

  @Test
  void writtenRowsReadBackTheSame() {
    List<Map<String, String>> rows =
        List.of(Map.of("record", "ITEM", "ref", "1", "title", "Leadership, \"visible\""));
    PlanSheets.Sheet csv = PlanSheets.read(PlanSheets.csv(rows), PlanTemplate.CSV);
    PlanSheets.Sheet xlsx = PlanSheets.read(PlanSheets.xlsx(rows), PlanTemplate.XLSX);
    assertThat(csv.columns()).isEqualTo(PlanTemplate.COLUMNS);
    assertThat(xlsx.columns()).isEqualTo(PlanTemplate.COLUMNS);
    assertThat(csv.rows().get(0).cell("title")).isEqualTo("Leadership, \"visible\"");
    assertThat(xlsx.rows().get(0).cell("title")).isEqualTo("Leadership, \"visible\"");
  }

  @Test
  void leadsAreNameEmailAndAnOptionalRole() {
    assertThat(PlanReading.person("Jane Smith <jane.smith@walsall.demo> (Head of Service (North))"))
        .isEqualTo(
            new NewAction.Lead("Jane Smith", "jane.smith@walsall.demo", "Head of Service (North)"));
    assertThat(PlanReading.person("Amir Khan<amir.khan@walsall.demo>"))
        .isEqualTo(new NewAction.Lead("Amir Khan", "amir.khan@walsall.demo", null));
    assertThat(PlanReading.person("Just A Name")).isNull();
    assertThat(PlanReading.person("<no.name@walsall.demo>")).isNull();
    assertThat(PlanReading.person("Bad Email <not-an-email>")).isNull();
  }
}
