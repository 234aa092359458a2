package org.improvementhub.plans.documents;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RAG as councils write it: {@code Green}, {@code G}, {@code Gr} (grey), {@code B/G/A/R}, or the
 * wording of the council's own legend ({@code Work Progressing as expected}). Free text that is not
 * a RAG is never turned into one: it stays a status note.
 */
public final class RagWords {

  private static final Pattern LEADING_WORD =
      Pattern.compile(
          "^(blue|green|amber|red|grey|gray)\\b[\\s:\\-–—.,]*(.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final Map<String, Rag> legend;

  /**
   * @param legend the council's own wordings (lower case) for each RAG, from its legend table
   */
  public RagWords(Map<String, Rag> legend) {
    this.legend = new LinkedHashMap<>(legend);
  }

  public static RagWords plain() {
    return new RagWords(Map.of());
  }

  public Map<String, Rag> legend() {
    return Map.copyOf(legend);
  }

  public RagReading read(String text) {
    if (text == null || text.isBlank()) {
      return new RagReading(null, null);
    }
    String plain = text.strip().replaceAll("[()\\s]+", " ").strip().toLowerCase(Locale.ROOT);
    Rag letter = letter(plain);
    if (letter != null) {
      return new RagReading(letter, null);
    }
    Rag own = legend.get(normal(text));
    if (own != null) {
      return new RagReading(own, null);
    }
    Matcher leading = LEADING_WORD.matcher(text.strip());
    if (leading.matches()) {
      String rest = leading.group(2).strip();
      return new RagReading(word(leading.group(1)), rest.isEmpty() ? null : rest);
    }
    return new RagReading(null, text.strip());
  }

  /** The legend wording as it is matched: lower case, single spaces, no full stop. */
  static String normal(String text) {
    return text.strip().replaceAll("\\s+", " ").replaceAll("[.]$", "").toLowerCase(Locale.ROOT);
  }

  static Rag word(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "blue" -> Rag.BLUE;
      case "green" -> Rag.GREEN;
      case "amber" -> Rag.AMBER;
      case "red" -> Rag.RED;
      case "grey", "gray" -> Rag.GREY;
      default -> null;
    };
  }

  private static Rag letter(String plain) {
    return switch (plain) {
      case "b" -> Rag.BLUE;
      case "g" -> Rag.GREEN;
      case "a" -> Rag.AMBER;
      case "r" -> Rag.RED;
      case "gr", "gy" -> Rag.GREY;
      default -> {
        // a legend cell read whole, "Blue (B)"
        String first = plain.split(" ")[0];
        yield plain.matches("^[a-z]+ [a-z]{1,2}$") ? word(first) : null;
      }
    };
  }
}
