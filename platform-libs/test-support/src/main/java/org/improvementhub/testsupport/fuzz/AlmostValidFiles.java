package org.improvementhub.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Import files that are a valid one with something wrong: columns shuffled, missing, extra or
 * misnamed; a cell given a bad date, a formula, a huge or hostile text; empty, repeated or missing
 * rows; written as CSV or XLSX, then maybe truncated, sent as the other kind, in another encoding,
 * as binary garbage, as a workbook whose rows sit on the wrong sheet, as a workbook with a cell a
 * million rows down, or as a zip that inflates a thousandfold.
 */
public final class AlmostValidFiles {

  private static final List<String> HOSTILE_CELLS =
      List.of(
          "",
          " ",
          "2030-02-30",
          "31/13/2030",
          "0000-00-00",
          "+999999999-12-31",
          "99999-01-01",
          "2011-13",
          "=1+1",
          "=HYPERLINK(\"https://example.invalid\",\"x\")",
          "=cmd|' /C calc'!A0",
          "@SUM(A1:A2)",
          "+1",
          "-1",
          "99999999999999999999",
          "1e400",
          "NaN",
          "\u0000",
          "a\u0000b",
          "\uD800",
          "\u202e\u0645\u0631\u062d\u0628\u0627",
          "\uD83D\uDE00",
          "\"",
          "line one\nline two",
          "a,b",
          "PURPLE",
          "nobody <not-an-email>",
          "x".repeat(100_000));

  private final List<List<String>> valid;

  private AlmostValidFiles(List<List<String>> valid) {
    this.valid = valid;
  }

  /**
   * Files almost like {@code validCsv}: a CSV whose first line names the columns, which the route
   * imports as it is.
   */
  public static Arbitrary<BadFile> from(String validCsv) {
    return new AlmostValidFiles(TableText.parse(validCsv)).files();
  }

  private Arbitrary<BadFile> files() {
    Arbitrary<Tuple.Tuple2<String, List<List<String>>>> tables =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(Tuple.of("as valid", valid))),
            Tuple.of(6, cellChanged()),
            Tuple.of(4, columnsChanged()),
            Tuple.of(3, rowsChanged()));
    Arbitrary<BadFile> written =
        Combinators.combine(tables, Arbitraries.of(BadFile.CSV, BadFile.XLSX))
            .as(
                (table, kind) ->
                    new BadFile(
                        table.get1() + " as " + (kind.equals(BadFile.CSV) ? "CSV" : "XLSX"),
                        kind,
                        kind.equals(BadFile.CSV)
                            ? TableText.csv(table.get2()).getBytes(StandardCharsets.UTF_8)
                            : xlsx(table.get2(), "Plan", false)));
    return Arbitraries.frequencyOf(
        Tuple.of(6, written),
        Tuple.of(
            3,
            Combinators.combine(written, bytesChanged())
                .as(
                    (file, change) ->
                        new BadFile(
                            file.mutation() + ", " + change.get1(),
                            file.contentType(),
                            change.get2().apply(file.bytes())))),
        Tuple.of(2, odd()));
  }

  private Arbitrary<Tuple.Tuple2<String, List<List<String>>>> cellChanged() {
    int rows = valid.size();
    int columns = valid.get(0).size();
    Arbitrary<String> values =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.of(HOSTILE_CELLS)),
            Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30)),
            Tuple.of(
                1,
                Combinators.combine(
                        Arbitraries.integers().between(-9999, 99999),
                        Arbitraries.integers().between(0, 13),
                        Arbitraries.integers().between(0, 32))
                    .as("%d-%02d-%02d"::formatted)));
    return Combinators.combine(
            Arbitraries.integers().between(0, rows - 1),
            Arbitraries.integers().between(0, columns - 1),
            values)
        .as(
            (row, column, value) -> {
              List<List<String>> table = copy(valid);
              List<String> cells = table.get(row);
              while (cells.size() <= column) {
                cells.add("");
              }
              cells.set(column, value);
              return Tuple.of(
                  "row %d column %s = %s".formatted(row + 1, valid.get(0).get(column), cut(value)),
                  table);
            });
  }

  private Arbitrary<Tuple.Tuple2<String, List<List<String>>>> columnsChanged() {
    int columns = valid.get(0).size();
    Arbitrary<Tuple.Tuple2<String, List<List<String>>>> shuffled =
        Arbitraries.shuffle(range(columns))
            .map(order -> Tuple.of("columns in order " + order, reorder(order)));
    Arbitrary<Tuple.Tuple2<String, List<List<String>>>> dropped =
        Arbitraries.integers()
            .between(0, columns - 1)
            .map(
                column ->
                    Tuple.of(
                        "column " + valid.get(0).get(column) + " left out",
                        eachRow(cells -> remove(cells, column))));
    Arbitrary<Tuple.Tuple2<String, List<List<String>>>> extra =
        Arbitraries.of("colour", "", "REF", "ref", "Due Date")
            .map(
                name ->
                    Tuple.of(
                        "extra column '" + name + "'",
                        eachRowNumbered(
                            (index, cells) -> {
                              cells.add(index == 0 ? name : "extra");
                              return cells;
                            })));
    Arbitrary<Tuple.Tuple2<String, List<List<String>>>> renamed =
        Arbitraries.integers()
            .between(0, columns - 1)
            .map(
                column -> {
                  List<List<String>> table = copy(valid);
                  table.get(0).set(column, table.get(0).get(column) + "_typo");
                  return Tuple.of("column " + valid.get(0).get(column) + " misnamed", table);
                });
    return Arbitraries.oneOf(shuffled, dropped, extra, renamed);
  }

  private Arbitrary<Tuple.Tuple2<String, List<List<String>>>> rowsChanged() {
    int rows = valid.size();
    Arbitrary<Integer> dataRow = Arbitraries.integers().between(1, Math.max(1, rows - 1));
    Arbitrary<Tuple.Tuple2<String, List<List<String>>>> emptyRows =
        Combinators.combine(dataRow, Arbitraries.integers().between(1, 5))
            .as(
                (at, count) -> {
                  List<List<String>> table = copy(valid);
                  for (int i = 0; i < count; i++) {
                    table.add(Math.min(at, table.size()), new ArrayList<>());
                  }
                  return Tuple.of(count + " empty rows at " + (at + 1), table);
                });
    Arbitrary<Tuple.Tuple2<String, List<List<String>>>> repeated =
        dataRow.map(
            at -> {
              List<List<String>> table = copy(valid);
              table.add(at, new ArrayList<>(table.get(at)));
              return Tuple.of("row " + (at + 1) + " twice", table);
            });
    Arbitrary<Tuple.Tuple2<String, List<List<String>>>> removed =
        dataRow.map(
            at -> {
              List<List<String>> table = copy(valid);
              table.remove((int) at);
              return Tuple.of("row " + (at + 1) + " left out", table);
            });
    Arbitrary<Tuple.Tuple2<String, List<List<String>>>> ragged =
        Combinators.combine(dataRow, Arbitraries.integers().between(0, 40))
            .as(
                (at, length) -> {
                  List<List<String>> table = copy(valid);
                  List<String> cells = table.get(at);
                  while (cells.size() > length) {
                    cells.remove(cells.size() - 1);
                  }
                  while (cells.size() < length) {
                    cells.add("spill");
                  }
                  return Tuple.of("row " + (at + 1) + " of " + length + " cells", table);
                });
    Arbitrary<Tuple.Tuple2<String, List<List<String>>>> onlyHeader =
        Arbitraries.just(Tuple.of("header only", List.of(valid.get(0))));
    return Arbitraries.oneOf(emptyRows, repeated, removed, ragged, onlyHeader);
  }

  private static Arbitrary<Tuple.Tuple2<String, UnaryOperator<byte[]>>> bytesChanged() {
    return Arbitraries.oneOf(
        Arbitraries.doubles()
            .between(0, 1)
            .map(
                share ->
                    Tuple.of(
                        "truncated at " + Math.round(share * 100) + "%",
                        bytes -> java.util.Arrays.copyOf(bytes, (int) (bytes.length * share)))),
        Arbitraries.integers()
            .between(0, 1_000_000)
            .map(
                at ->
                    Tuple.of(
                        "one byte flipped",
                        bytes -> {
                          byte[] copy = bytes.clone();
                          if (copy.length > 0) {
                            copy[at % copy.length] ^= (byte) 0x5a;
                          }
                          return copy;
                        })),
        Arbitraries.just(
            Tuple.of(
                "in UTF-16",
                bytes ->
                    new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16))),
        Arbitraries.just(
            Tuple.of(
                "in ISO-8859-1",
                bytes ->
                    new String(bytes, StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.ISO_8859_1))));
  }

  /** Files that are not a table at all, or a workbook built to hurt the reader. */
  private Arbitrary<BadFile> odd() {
    byte[] csv = TableText.csv(valid).getBytes(StandardCharsets.UTF_8);
    return Arbitraries.oneOf(
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMaxSize(2_000)
            .map(bytes -> new BadFile("binary garbage", BadFile.CSV, bytes)),
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMaxSize(2_000)
            .map(bytes -> new BadFile("binary garbage", BadFile.XLSX, withZipMagic(bytes))),
        Arbitraries.just(new BadFile("a CSV sent as XLSX", BadFile.XLSX, csv)),
        Arbitraries.just(
            new BadFile("an XLSX sent as CSV", BadFile.CSV, xlsx(valid, "Plan", false))),
        Arbitraries.just(new BadFile("empty", BadFile.CSV, new byte[0])),
        Arbitraries.just(new BadFile("empty", BadFile.XLSX, new byte[0])),
        Arbitraries.just(
            new BadFile(
                "rows on a second sheet, the first empty",
                BadFile.XLSX,
                xlsx(valid, "Notes", true))),
        Arbitraries.just(
            new BadFile("a cell a million rows down", BadFile.XLSX, xlsxWithFarCell(valid))),
        Arbitraries.just(new BadFile("a zip that inflates a thousandfold", BadFile.XLSX, bomb())),
        Arbitraries.just(
            new BadFile(
                "a CSV of one 1 MB cell",
                BadFile.CSV,
                (TableText.csv(List.of(valid.get(0))) + "\"" + "x".repeat(1_000_000) + "\"\n")
                    .getBytes(StandardCharsets.UTF_8))));
  }

  private static byte[] withZipMagic(byte[] bytes) {
    byte[] zip = new byte[bytes.length + 4];
    zip[0] = 'P';
    zip[1] = 'K';
    zip[2] = 3;
    zip[3] = 4;
    System.arraycopy(bytes, 0, zip, 4, bytes.length);
    return zip;
  }

  /**
   * A workbook of {@code table} on a sheet named {@code sheetName}, after an empty one if asked.
   */
  static byte[] xlsx(List<List<String>> table, String sheetName, boolean emptySheetFirst) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (emptySheetFirst) {
        workbook.createSheet("Cover");
      }
      fill(workbook.createSheet(sheetName), table);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] xlsxWithFarCell(List<List<String>> table) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Plan");
      fill(sheet, table);
      sheet.createRow(1_048_000).createCell(0).setCellValue("far away");
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Cells that look like formulas are written as formulas, as Excel would keep them. */
  private static void fill(Sheet sheet, List<List<String>> table) {
    for (int r = 0; r < table.size(); r++) {
      Row row = sheet.createRow(r);
      List<String> cells = table.get(r);
      for (int c = 0; c < cells.size(); c++) {
        Cell cell = row.createCell(c);
        String text = cells.get(c);
        if (text.startsWith("=") && text.length() > 1) {
          try {
            cell.setCellFormula(text.substring(1));
            continue;
          } catch (RuntimeException notAFormulaPoiCanWrite) {
            // kept as text below
          }
        }
        cell.setCellValue(text.length() > 32_767 ? text.substring(0, 32_767) : text);
      }
    }
  }

  /** A workbook whose one sheet inflates from a few kilobytes to tens of megabytes. */
  private static byte[] bomb() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(out)) {
      put(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
              + " Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override"
              + " PartName=\"/xl/workbook.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
              + "<Override PartName=\"/xl/worksheets/sheet1.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
      put(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"xl/workbook.xml\"/></Relationships>");
      put(
          zip,
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
              + "<sheets><sheet name=\"Plan\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      put(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\""
              + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
              + " Target=\"worksheets/sheet1.xml\"/></Relationships>");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
                  + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                  + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>")
              .getBytes(StandardCharsets.UTF_8));
      byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 40; i++) {
        zip.write(spaces);
      }
      zip.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private List<List<String>> reorder(List<Integer> order) {
    return eachRow(
        cells -> {
          List<String> moved = new ArrayList<>();
          for (int column : order) {
            moved.add(column < cells.size() ? cells.get(column) : "");
          }
          return moved;
        });
  }

  private List<List<String>> eachRow(UnaryOperator<List<String>> change) {
    return eachRowNumbered((index, cells) -> change.apply(cells));
  }

  private List<List<String>> eachRowNumbered(
      java.util.function.BiFunction<Integer, List<String>, List<String>> change) {
    List<List<String>> table = copy(valid);
    List<List<String>> changed = new ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      changed.add(change.apply(i, table.get(i)));
    }
    return changed;
  }

  private static List<String> remove(List<String> cells, int column) {
    if (column < cells.size()) {
      cells.remove(column);
    }
    return cells;
  }

  private static List<Integer> range(int size) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      all.add(i);
    }
    return Collections.unmodifiableList(all);
  }

  private static List<List<String>> copy(List<List<String>> table) {
    List<List<String>> copy = new ArrayList<>();
    table.forEach(row -> copy.add(new ArrayList<>(row)));
    return copy;
  }

  private static String cut(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
  }
}
