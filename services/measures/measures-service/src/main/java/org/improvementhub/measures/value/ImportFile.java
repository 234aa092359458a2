package org.improvementhub.measures.value;

import io.micronaut.http.multipart.CompletedFileUpload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.improvementhub.tabular.TableRow;
import org.improvementhub.tabular.TabularFile;

/**
 * A file of measure definitions or values a council sends to import: CSV or XLSX (the first sheet),
 * as the raw body or as the {@code file} part of a form, read into its non-blank rows keyed by
 * lower-case column name. The first row names the columns; see {@link ValueImport#TEMPLATE}.
 */
public final class ImportFile {

  public static final String CSV = TabularFile.CSV;
  public static final String XLSX = TabularFile.XLSX;

  /** More rows than a council reports in years; a bigger file is a mistake, not an import. */
  static final int MOST_ROWS = 10_000;

  private static final TabularFile FILES = TabularFile.ofAtMost(MOST_ROWS);

  private ImportFile() {}

  /** The rows of a file sent as the body, of the kind its {@code Content-Type} names. */
  public static List<TableRow> fromBody(String contentType, byte[] content) {
    return FILES.read(content, TabularFile.kindOf(contentType)).rows();
  }

  /** The rows of a file sent as a form's file part, of the kind its name or type names. */
  public static List<TableRow> fromForm(CompletedFileUpload file) {
    String kind =
        TabularFile.kindOfUpload(
            file.getFilename(), TabularFile.declaredType(file::getContentType));
    try {
      return FILES.read(file.getBytes(), kind).rows();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
