package org.improvementhub.plans.documents;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * The paragraphs between tables: the document's title, headings such as {@code Pillar One: …},
 * {@code Theme 1 - …} or {@code Recommendation: 1. …} (number words become digits), or a Word
 * heading (its ref made from its initials), and the labelled paragraphs after a heading ({@code Key
 * Objectives:}, {@code Accountable Leads:}, {@code Outcomes:} and its list) that fill it in. The
 * heading waits for the table that makes it a plan item.
 */
final class Headings {

  private static final Pattern KEYWORD_HEADING =
      Pattern.compile(
          "^(pillar|theme|priority|recommendation|workstream|objective|area|category|section)"
              + "\\s*:?\\s*(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
              + "\\s*[.:\\-–—]?\\s*(.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern LABEL =
      Pattern.compile("^([A-Za-z ]{3,40}):\\s*(.*)$", Pattern.DOTALL);
  private static final List<String> NUMBER_WORDS =
      List.of(
          "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve");

  /** The document's title: its first Title or Heading paragraph. */
  String title;

  /** The latest heading, once an action table has made it an item {@code used}. */
  HeadingDraft heading;

  private String label;
  private int paragraphs;

  void read(XWPFParagraph paragraph) {
    String text = WordText.raw(paragraph);
    paragraphs++;
    if (text.isEmpty()) {
      return;
    }
    String style =
        paragraph.getStyle() == null ? "" : paragraph.getStyle().toLowerCase(Locale.ROOT);
    if (title == null && (style.startsWith("title") || style.startsWith("heading"))) {
      title = text;
    }
    Matcher keyword = KEYWORD_HEADING.matcher(text);
    if (keyword.matches() && text.length() < 300) {
      String ref = number(keyword.group(2));
      String rest = keyword.group(3).strip();
      heading =
          new HeadingDraft(
              ref,
              capitalised(keyword.group(1)),
              rest.isEmpty() ? text : rest,
              Origin.paragraph(paragraphs),
              false);
      label = null;
      return;
    }
    if (style.startsWith("heading")
        && text.length() <= 100
        && !ActionRows.NUMBERED.matcher(text).matches()) {
      heading =
          new HeadingDraft(initials(text), "Section", text, Origin.paragraph(paragraphs), true);
      label = null;
      return;
    }
    if (heading == null) {
      return;
    }
    Matcher labelled = LABEL.matcher(text);
    if (labelled.matches()) {
      String name = labelled.group(1).toLowerCase(Locale.ROOT);
      String value = labelled.group(2).strip();
      if (name.contains("lead") || name.contains("owner")) {
        heading.owner = value;
        label = null;
      } else if (name.contains("objective")) {
        heading.description =
            heading.description == null ? text : heading.description + "\n" + text;
        label = null;
      } else if (name.contains("outcome") || name.contains("success")) {
        label = "outcomes";
        if (!value.isEmpty()) {
          heading.addOutcome(value);
        }
      }
      return;
    }
    if ("outcomes".equals(label)) {
      heading.addOutcome(text);
    }
  }

  private static String number(String word) {
    int index = NUMBER_WORDS.indexOf(word.toLowerCase(Locale.ROOT));
    return index >= 0 ? Integer.toString(index + 1) : word;
  }

  static String capitalised(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT)
        + word.substring(1).toLowerCase(Locale.ROOT);
  }

  private static String initials(String heading) {
    StringBuilder initials = new StringBuilder();
    for (String word : heading.split("[\\s&/-]+")) {
      if (!word.isEmpty() && Character.isLetterOrDigit(word.charAt(0))) {
        initials.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    return initials.length() == 0 ? "S" : initials.toString();
  }
}
