package org.improvementhub.plans.documents;

import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/** The text of a paragraph or a table cell as the council typed it. */
final class WordText {

  private WordText() {}

  /**
   * A paragraph's text as typed: POI's own text applies Word's All Caps display property, which
   * would turn a heading typed "Theme 1 - Improving…" into capitals.
   */
  static String raw(XWPFParagraph paragraph) {
    StringBuilder text = new StringBuilder();
    for (XWPFRun run : paragraph.getRuns()) {
      String part = run.getText(0);
      if (part != null) {
        text.append(part);
      }
    }
    return text.length() == 0 ? paragraph.getText().strip() : text.toString().strip();
  }

  /** A cell's paragraphs, each stripped, empty ones left out, one a line. */
  static String text(XWPFTableCell cell) {
    return cell.getParagraphs().stream()
        .map(p -> p.getText().strip())
        .filter(t -> !t.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
