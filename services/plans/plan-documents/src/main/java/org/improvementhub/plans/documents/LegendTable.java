package org.improvementhub.plans.documents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A RAG legend: rows (or columns) that each start with a RAG word beside its meaning, such as
 * Walsall's {@code Grey (Gr) | Not yet started…}. Its wordings (and letters in brackets) are the
 * council's own RAG words for the rest of the document.
 */
final class LegendTable {

  private static final Pattern LETTERS = Pattern.compile("\\(([A-Za-z]{1,2})\\)");

  private LegendTable() {}

  /** The table's wordings by RAG, or an empty map when it is not a legend. */
  static Map<String, Rag> read(XWPFTable table) {
    List<XWPFTableRow> rows = table.getRows();
    Map<String, Rag> found = new LinkedHashMap<>();
    for (XWPFTableRow row : rows) {
      List<XWPFTableCell> cells = row.getTableCells();
      if (cells.size() >= 2) {
        Rag rag = ragWord(WordText.text(cells.get(0)));
        if (rag != null) {
          found.put(RagWords.normal(WordText.text(cells.get(1))), rag);
          alias(WordText.text(cells.get(0)), rag, found);
        }
      }
    }
    if (found.size() < 3 && rows.size() >= 2) {
      found.clear();
      List<XWPFTableCell> words = rows.get(0).getTableCells();
      List<XWPFTableCell> meanings = rows.get(1).getTableCells();
      for (int c = 0; c < Math.min(words.size(), meanings.size()); c++) {
        Rag rag = ragWord(WordText.text(words.get(c)));
        if (rag != null && !WordText.text(meanings.get(c)).isBlank()) {
          found.put(RagWords.normal(WordText.text(meanings.get(c))), rag);
          alias(WordText.text(words.get(c)), rag, found);
        }
      }
    }
    return found.size() >= 3 ? found : Map.of();
  }

  private static void alias(String cell, Rag rag, Map<String, Rag> found) {
    Matcher letters = LETTERS.matcher(cell);
    if (letters.find()) {
      found.put(letters.group(1).toLowerCase(Locale.ROOT), rag);
    }
  }

  private static Rag ragWord(String cell) {
    String first = cell.strip().split("[\\s(]+")[0];
    return RagWords.word(first);
  }
}
