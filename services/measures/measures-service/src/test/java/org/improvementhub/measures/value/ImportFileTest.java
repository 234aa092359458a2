package org.improvementhub.measures.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.improvementhub.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ImportFileTest {

  @Test
  void csvRowsKeepTheirSpreadsheetNumbersAndSkipBlankLines() {
    byte[] csv =
        ("\uFEFFMeasure, Period ,Value,Note\n"
                + "Visits,2024-01,90,\"one, two\"\n"
                + "\n"
                + ",,,\n"
                + "Visits,2024-02,91,\n")
            .getBytes(StandardCharsets.UTF_8);
    List<ImportedRow> rows = ImportFile.read(csv, ImportFile.CSV);
    assertThat(rows).extracting(ImportedRow::row).containsExactly(2, 5);
    assertThat(rows.get(0).cell("measure"))
        .as("the byte-order mark is dropped")
        .isEqualTo("Visits");
    assertThat(rows.get(0).cell("period")).isEqualTo("2024-01");
    assertThat(rows.get(0).cell("note")).isEqualTo("one, two");
    assertThat(rows.get(1).cell("note")).isNull();
  }

  @Test
  void xlsxNumbersReadAsTyped() throws IOException {
    byte[] workbook;
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet();
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("value");
      sheet.createRow(1).createCell(0).setCellValue(84.8);
      sheet.createRow(3).createCell(0).setCellValue(100);
      book.write(out);
      workbook = out.toByteArray();
    }
    List<ImportedRow> rows = ImportFile.read(workbook, ImportFile.XLSX);
    assertThat(rows).extracting(ImportedRow::row).containsExactly(2, 4);
    assertThat(rows).extracting(row -> row.cell("value")).containsExactly("84.8", "100");
  }

  @Test
  void anUnreadableOrEmptyFileIsAProblemNamingTheFile() {
    for (byte[] content : new byte[][] {new byte[0], "PK\u0003\u0004 broken".getBytes()}) {
      assertThatThrownBy(() -> ImportFile.read(content, ImportFile.XLSX))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.problem().errors()).extracting("field").containsExactly("file"));
    }
  }
}
