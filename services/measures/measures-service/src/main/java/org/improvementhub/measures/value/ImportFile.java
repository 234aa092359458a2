package org.improvementhub.measures.value;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.improvementhub.web.problem.ProblemException;

/**
 * Reads an import file, CSV or XLSX (the first sheet), into rows of text keyed by lower-case column
 * name. The first row names the columns; see {@link ValueImport#TEMPLATE}.
 */
public final class ImportFile {

  public static final String CSV = "text/csv";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** More rows than a council reports in years; a bigger file is a mistake, not an import. */
  static final int MOST_ROWS = 10_000;

  private ImportFile() {}

  /**
   * @param kind {@link #CSV} or {@link #XLSX}
   * @throws ProblemException naming {@code file} when it cannot be read as that kind
   */
  public static List<ImportedRow> read(byte[] content, String kind) {
    if (content == null || content.length == 0) {
      throw ProblemException.invalidField("file", "is empty");
    }
    List<ImportedRow> rows = XLSX.equals(kind) ? xlsx(content) : csv(content);
    if (rows.size() > MOST_ROWS) {
      throw ProblemException.invalidField("file", "must have at most " + MOST_ROWS + " rows");
    }
    return rows.stream().filter(row -> !row.isBlank()).toList();
  }

  private static List<ImportedRow> csv(byte[] content) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false)
            .setTrim(true)
            .get();
    try (Reader reader =
            new InputStreamReader(
                new ByteArrayInputStream(withoutBom(content)), StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = parser.getHeaderNames().stream().map(ImportFile::column).toList();
      List<ImportedRow> rows = new ArrayList<>();
      int row = 1;
      for (CSVRecord record : parser) {
        row++;
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
          cells.put(header.get(i), record.get(i));
        }
        rows.add(new ImportedRow(row, cells));
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      throw ProblemException.invalidField("file", "could not be read as CSV: " + e.getMessage());
    }
  }

  private static List<ImportedRow> xlsx(byte[] content) {
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      Sheet sheet = workbook.getSheetAt(0);
      Row headerRow = sheet.getRow(sheet.getFirstRowNum());
      if (headerRow == null) {
        return List.of();
      }
      List<String> header = new ArrayList<>();
      for (int i = 0; i < headerRow.getLastCellNum(); i++) {
        header.add(column(text(headerRow.getCell(i))));
      }
      List<ImportedRow> rows = new ArrayList<>();
      for (int r = headerRow.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          cells.put(header.get(i), row == null ? null : text(row.getCell(i)));
        }
        rows.add(new ImportedRow(r + 1, cells));
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      throw ProblemException.invalidField("file", "could not be read as an XLSX workbook");
    }
  }

  /** A cell as the text a council typed: numbers without float noise, dates as their month. */
  private static String text(Cell cell) {
    if (cell == null) {
      return null;
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    return switch (type) {
      case NUMERIC ->
          DateUtil.isCellDateFormatted(cell)
              ? YearMonth.from(cell.getLocalDateTimeCellValue()).toString()
              : plain(BigDecimal.valueOf(cell.getNumericCellValue()));
      case STRING -> cell.getStringCellValue();
      case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
      default -> null;
    };
  }

  private static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  private static String column(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }

  /** Excel writes CSV with a byte-order mark, which would otherwise stick to the first column. */
  private static byte[] withoutBom(byte[] content) {
    if (content.length >= 3
        && content[0] == (byte) 0xEF
        && content[1] == (byte) 0xBB
        && content[2] == (byte) 0xBF) {
      return java.util.Arrays.copyOfRange(content, 3, content.length);
    }
    return content;
  }
}
