package org.improvementhub.tabular;

import io.micronaut.core.annotation.Nullable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
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
import java.util.Optional;
import java.util.function.Supplier;
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
 * Reads a file a council filled in, CSV or XLSX, into a {@link Table}. The first row names the
 * columns. Every cell is read as the text the council typed: numbers without float noise, dates
 * typed as dates as {@code yyyy-MM-dd} ({@code yyyy-MM} in a {@code period} column). Whatever goes
 * wrong is a problem naming the field {@code file}.
 */
public final class TabularFile {

  public static final String CSV = "text/csv";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final int mostRows;
  private final String sheetName;

  private TabularFile(int mostRows, String sheetName) {
    this.mostRows = mostRows;
    this.sheetName = sheetName;
  }

  /**
   * Files of at most {@code mostRows} rows (a bigger file is a mistake, not an import); from a
   * workbook, its first sheet.
   */
  public static TabularFile ofAtMost(int mostRows) {
    return new TabularFile(mostRows, null);
  }

  /** The same, but from a workbook that has a sheet named {@code name}, that sheet. */
  public TabularFile preferringSheet(String name) {
    return new TabularFile(mostRows, name);
  }

  /** The kind an upload's content type names: {@link #XLSX} for a workbook, else {@link #CSV}. */
  public static String kindOf(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(XLSX)
        ? XLSX
        : CSV;
  }

  /**
   * The kind of a file sent as a form's part: a workbook when its name ends {@code .xlsx} or its
   * content type is the XLSX type, else CSV.
   *
   * @throws ProblemException naming {@code file} when its name has another extension
   */
  public static String kindOfUpload(@Nullable String filename, @Nullable String contentType) {
    String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    boolean xlsx = name.endsWith(".xlsx") || (contentType != null && contentType.startsWith(XLSX));
    if (!xlsx && !name.endsWith(".csv") && name.contains(".")) {
      throw ProblemException.invalidField("file", "must be a .csv or .xlsx file");
    }
    return xlsx ? XLSX : CSV;
  }

  /**
   * An upload's declared type as text, or null when it declares none or one that is no media type:
   * Micronaut parses it on asking and throws (found by {@code MeasuresFuzzIT}: a part of type
   * {@code nonsense} was a 500); the file's name then decides, as for an undeclared type.
   */
  public static @Nullable String declaredType(Supplier<? extends Optional<?>> type) {
    try {
      return type.get().map(Object::toString).orElse(null);
    } catch (IllegalArgumentException notAType) {
      return null;
    }
  }

  /**
   * @param kind {@link #CSV} or {@link #XLSX}
   * @throws ProblemException naming {@code file} when it is empty, too long, or cannot be read as
   *     that kind
   */
  public Table read(byte[] content, String kind) {
    if (content == null || content.length == 0) {
      throw ProblemException.invalidField("file", "is empty");
    }
    Table table = XLSX.equals(kind) ? xlsx(content) : csv(content);
    if (table.rows().size() > mostRows) {
      throw ProblemException.invalidField("file", "must have at most " + mostRows + " rows");
    }
    refuseNul(table);
    return new Table(table.columns(), table.rows().stream().filter(row -> !row.isBlank()).toList());
  }

  /**
   * PostgreSQL's text cannot hold NUL: a cell with one would reach the database and fail there as a
   * 500, so the file is refused here, naming the cell as {@code rows[<row>].<column>} (found by
   * {@code MeasuresFuzzIT}: a NUL in a value's note).
   */
  private static void refuseNul(Table table) {
    for (String column : table.columns()) {
      if (column.indexOf('\u0000') >= 0) {
        throw ProblemException.invalidField(
            "file", "a column name must not hold the NUL character");
      }
    }
    for (TableRow row : table.rows()) {
      row.cells()
          .forEach(
              (column, value) -> {
                if (value != null && value.indexOf('\u0000') >= 0) {
                  // named as the imports name a row's cell, by its spreadsheet row
                  throw ProblemException.invalidField(
                      "rows[" + row.row() + "]." + column, "must not hold the NUL character");
                }
              });
    }
  }

  private Table csv(byte[] content) {
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
      List<String> header = parser.getHeaderNames().stream().map(TabularFile::column).toList();
      List<TableRow> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
          cells.put(header.get(i), record.get(i));
        }
        // records as a spreadsheet numbers rows: a quoted cell spanning lines is still one row
        rows.add(new TableRow((int) record.getRecordNumber() + 1, cells));
        refusePastTheLimit(rows.size());
      }
      return new Table(header, rows);
    } catch (ProblemException tooLong) {
      throw tooLong;
    } catch (IOException | RuntimeException e) {
      throw ProblemException.invalidField("file", "could not be read as CSV: " + reason(e));
    }
  }

  private Table xlsx(byte[] content) {
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      Sheet sheet = sheetName == null ? null : workbook.getSheet(sheetName);
      if (sheet == null) {
        sheet = workbook.getSheetAt(0);
      }
      Row headerRow = sheet.getRow(sheet.getFirstRowNum());
      if (headerRow == null) {
        return new Table(List.of(), List.of());
      }
      List<String> header = new ArrayList<>();
      for (int i = 0; i < headerRow.getLastCellNum(); i++) {
        header.add(column(text(headerRow.getCell(i), "")));
      }
      // a sheet with one cell a million rows down is refused before a million empty rows are made
      refusePastTheLimit(sheet.getLastRowNum() - headerRow.getRowNum());
      List<TableRow> rows = new ArrayList<>();
      for (int r = headerRow.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          cells.put(header.get(i), row == null ? null : text(row.getCell(i), header.get(i)));
        }
        rows.add(new TableRow(r + 1, cells));
      }
      return new Table(header, rows);
    } catch (ProblemException tooLong) {
      throw tooLong;
    } catch (IOException | RuntimeException e) {
      throw ProblemException.invalidField("file", "could not be read as an XLSX workbook");
    }
  }

  /**
   * Stops reading once a file has more rows (blank ones too) than a file of its kind may have, so a
   * huge file costs no more than a long one (found by {@code PlansFuzzIT}: a workbook with one cell
   * a million rows down made a million rows before being refused).
   */
  private void refusePastTheLimit(int rows) {
    if (rows > mostRows) {
      throw ProblemException.invalidField("file", "must have at most " + mostRows + " rows");
    }
  }

  /**
   * What went wrong, in the parser's words without its class names: commons-csv wraps its own
   * exception in an {@code UncheckedIOException} whose message starts with the class name (found by
   * {@code PlansFuzzIT}: an XLSX sent as CSV answered {@code org.apache.commons.csv.CSVException:
   * Invalid character…}).
   */
  private static String reason(Throwable failure) {
    Throwable deepest = failure;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    String message = deepest.getMessage();
    return message == null || message.isBlank() ? "the file is damaged" : message;
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
