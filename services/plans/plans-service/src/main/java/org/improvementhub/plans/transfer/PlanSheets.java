package org.improvementhub.plans.transfer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.improvementhub.web.problem.ProblemException;

/**
 * Reads a plan file (CSV, or the {@code Plan} sheet of an XLSX workbook) into rows of text, and
 * writes rows back in the same shape. Every cell is text: dates typed into a spreadsheet as dates
 * are read back as {@code yyyy-MM-dd} ({@code yyyy-MM} in the {@code period} column).
 */
final class PlanSheets {

  static final String PLAN_SHEET = "Plan";
  static final String GUIDE_SHEET = "Guide";

  /** Far more rows than any council's plan; a bigger file is a mistake, not a plan. */
  static final int MOST_ROWS = 20_000;

  private PlanSheets() {}

  /**
   * @param kind {@link PlanTemplate#CSV} or {@link PlanTemplate#XLSX}
   * @return the header's columns (lower case) and the non-blank rows
   * @throws ProblemException naming {@code file} when it cannot be read as that kind
   */
  static Sheet read(byte[] content, String kind) {
    if (content == null || content.length == 0) {
      throw ProblemException.invalidField("file", "is empty");
    }
    PlanSheets.Sheet sheet = PlanTemplate.XLSX.equals(kind) ? xlsx(content) : csv(content);
    if (sheet.rows().size() > MOST_ROWS) {
      throw ProblemException.invalidField("file", "must have at most " + MOST_ROWS + " rows");
    }
    return new Sheet(sheet.columns(), sheet.rows().stream().filter(row -> !row.isBlank()).toList());
  }

  /** A file read: its columns as named in the header row, and its rows. */
  record Sheet(List<String> columns, List<PlanRow> rows) {}

  private static Sheet csv(byte[] content) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false)
            .setAllowMissingColumnNames(true)
            .get();
    try (Reader reader =
            new InputStreamReader(
                new ByteArrayInputStream(withoutBom(content)), StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = parser.getHeaderNames().stream().map(PlanSheets::column).toList();
      List<PlanRow> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
          cells.put(header.get(i), record.get(i));
        }
        // records as a spreadsheet numbers rows: a quoted cell spanning lines is still one row
        rows.add(new PlanRow((int) record.getRecordNumber() + 1, cells));
      }
      return new Sheet(header, rows);
    } catch (IOException | RuntimeException e) {
      throw ProblemException.invalidField("file", "could not be read as CSV: " + e.getMessage());
    }
  }

  private static Sheet xlsx(byte[] content) {
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet(PLAN_SHEET);
      if (sheet == null) {
        sheet = workbook.getSheetAt(0);
      }
      Row headerRow = sheet.getRow(sheet.getFirstRowNum());
      if (headerRow == null) {
        return new Sheet(List.of(), List.of());
      }
      List<String> header = new ArrayList<>();
      for (int i = 0; i < headerRow.getLastCellNum(); i++) {
        header.add(column(text(headerRow.getCell(i), "")));
      }
      List<PlanRow> rows = new ArrayList<>();
      for (int r = headerRow.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          cells.put(header.get(i), row == null ? null : text(row.getCell(i), header.get(i)));
        }
        rows.add(new PlanRow(r + 1, cells));
      }
      return new Sheet(header, rows);
    } catch (IOException | RuntimeException e) {
      throw ProblemException.invalidField("file", "could not be read as an XLSX workbook");
    }
  }

  /** A cell as the text a council typed: numbers without float noise, dates as ISO dates. */
  private static String text(Cell cell, String column) {
    if (cell == null) {
      return null;
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    return switch (type) {
      case NUMERIC -> {
        if (DateUtil.isCellDateFormatted(cell)) {
          LocalDate day = cell.getLocalDateTimeCellValue().toLocalDate();
          yield "period".equals(column) ? YearMonth.from(day).toString() : day.toString();
        }
        yield plain(BigDecimal.valueOf(cell.getNumericCellValue()));
      }
      case STRING -> cell.getStringCellValue();
      case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
      default -> null;
    };
  }

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
      return Arrays.copyOfRange(content, 3, content.length);
    }
    return content;
  }
}
