package org.improvementhub.notifications.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.unbescape.html.HtmlEscape;
import org.unbescape.html.HtmlEscapeLevel;
import org.unbescape.html.HtmlEscapeType;

/**
 * One part of an email (subject, text or HTML) as Thymeleaf rendered it once with a marker in place
 * of every value: the text between the values, and for each value how Thymeleaf escaped it there.
 * Filling it in costs a few string appends, where Thymeleaf parses expressions (OGNL) and walks the
 * template for every email; a schedule scan writes 200 emails a council, three parts each.
 *
 * <p>The marker of value {@code i} is {@code U+E000 i &'"<> U+E001}: private-use characters no
 * escaping touches around the characters escaping does, so the rendered marker says whether the
 * value was written as it is (text parts), escaped as element text or as an attribute value.
 */
final class PreparedPart {

  static final char OPEN = '\uE000';
  static final char CLOSE = '\uE001';
  static final String PROBE = "&'\"<>";

  /** How a value was written where it stands. */
  enum Escape {
    AS_IS(PROBE, s -> s),
    ELEMENT_TEXT(
        "&amp;'&quot;&lt;&gt;",
        s ->
            HtmlEscape.escapeHtml(
                s,
                HtmlEscapeType.HTML4_NAMED_REFERENCES_DEFAULT_TO_DECIMAL,
                HtmlEscapeLevel.LEVEL_0_ONLY_MARKUP_SIGNIFICANT_EXCEPT_APOS)),
    ATTRIBUTE(
        "&amp;&#39;&quot;&lt;&gt;",
        s ->
            HtmlEscape.escapeHtml(
                s,
                HtmlEscapeType.HTML4_NAMED_REFERENCES_DEFAULT_TO_DECIMAL,
                HtmlEscapeLevel.LEVEL_1_ONLY_MARKUP_SIGNIFICANT));

    private final String probeAsWritten;
    private final UnaryOperator<String> apply;

    Escape(String probeAsWritten, UnaryOperator<String> apply) {
      this.probeAsWritten = probeAsWritten;
      this.apply = apply;
    }

    static Optional<Escape> of(String probeAsWritten) {
      for (Escape escape : values()) {
        if (escape.probeAsWritten.equals(probeAsWritten)) {
          return Optional.of(escape);
        }
      }
      return Optional.empty();
    }
  }

  /** Literal text, or value {@code slot} written with {@code escape}. */
  private record Piece(String literal, int slot, Escape escape) {}

  private final List<Piece> pieces;
  private final int length;

  private PreparedPart(List<Piece> pieces) {
    this.pieces = pieces;
    this.length = pieces.stream().mapToInt(p -> p.literal == null ? 16 : p.literal.length()).sum();
  }

  /** The marker Thymeleaf is given for value {@code slot}. */
  static String marker(int slot) {
    return OPEN + Integer.toString(slot) + PROBE + CLOSE;
  }

  /**
   * Reads a part rendered with markers; empty if a marker was changed in a way this cannot repeat
   * (a value cut, transformed or compared), so the caller renders with Thymeleaf instead.
   */
  static Optional<PreparedPart> of(String rendered, int slots) {
    List<Piece> pieces = new ArrayList<>();
    int at = 0;
    while (at < rendered.length()) {
      int open = rendered.indexOf(OPEN, at);
      if (open < 0) {
        pieces.add(new Piece(rendered.substring(at), -1, null));
        break;
      }
      if (open > at) {
        pieces.add(new Piece(rendered.substring(at, open), -1, null));
      }
      int close = rendered.indexOf(CLOSE, open);
      if (close < 0) {
        return Optional.empty();
      }
      int digits = open + 1;
      while (digits < close && Character.isDigit(rendered.charAt(digits))) {
        digits++;
      }
      if (digits == open + 1) {
        return Optional.empty();
      }
      int slot = Integer.parseInt(rendered.substring(open + 1, digits));
      Optional<Escape> escape = Escape.of(rendered.substring(digits, close));
      if (slot >= slots || escape.isEmpty()) {
        return Optional.empty();
      }
      pieces.add(new Piece(null, slot, escape.get()));
      at = close + 1;
    }
    if (pieces.stream().anyMatch(p -> p.literal != null && p.literal.indexOf(CLOSE) >= 0)) {
      return Optional.empty();
    }
    return Optional.of(new PreparedPart(List.copyOf(pieces)));
  }

  /** The part with {@code values} (by slot) in place of the markers. */
  String fill(String[] values) {
    StringBuilder out = new StringBuilder(length + 256);
    for (Piece piece : pieces) {
      if (piece.literal != null) {
        out.append(piece.literal);
      } else {
        out.append(piece.escape.apply.apply(values[piece.slot]));
      }
    }
    return out.toString();
  }
}
