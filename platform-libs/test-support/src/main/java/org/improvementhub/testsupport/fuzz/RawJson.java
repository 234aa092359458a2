package org.improvementhub.testsupport.fuzz;

import java.util.List;

/**
 * JSON values that break services: each is JSON text to stand where a valid value stood, so it can
 * hold what a JSON library would refuse to write (a lone surrogate, a number past any double).
 */
final class RawJson {

  private RawJson() {}

  /** Values of the wrong type, out of range, or hostile, whatever the field. */
  static final List<String> HOSTILE =
      List.of(
          "null",
          "42",
          "-1",
          "0",
          "2147483648",
          "-2147483649",
          "9223372036854775808",
          "1e400",
          "-1e400",
          "0.000001",
          "1.5",
          "true",
          "false",
          "\"\"",
          "\"   \"",
          "[]",
          "{}",
          "[null]",
          "{\"x\":1}",
          "\"\\u0000\"",
          "\"a\\u0000b\"",
          "\"\\ud800\"",
          "\"\\udfff\\ud800\"",
          "\"\\u202e\\u0645\\u0631\\u062d\\u0628\\u0627\"",
          "\"\uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDC67\"",
          "\"e\u0301\u0301\u0301\u0301\"",
          "\"' OR 1=1 --\"",
          "\"<script>alert(1)</script>\"",
          "\"%s%n%x\"",
          "\"../../etc/passwd\"",
          "\"PURPLE\"",
          "\"red\"",
          "\"not-a-uuid\"",
          "\"00000000-0000-0000-0000-000000000000\"",
          "\"0000-00-00\"",
          "\"+999999999-12-31\"",
          "\"-999999999-01-01\"",
          "\"9999-12-31\"",
          "\"+10000-01-01\"",
          "\"+5874898-01-01\"",
          "\"-4714-01-01\"",
          "\"0001-01-01\"",
          "\"2024-02-30\"",
          "\"31/03/2030\"",
          "\"2030-13-01\"",
          "\"2030-01-01T10:00:00Z\"",
          "\"2013-00\"",
          "\"99999-12\"",
          "\"-2013-10\"");

  /** A very long string. */
  static String hugeString(int length, char each) {
    return "\"" + String.valueOf(each).repeat(length) + "\"";
  }

  /** Arrays nested {@code depth} deep. */
  static String deepArray(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  /** Objects nested {@code depth} deep. */
  static String deepObject(int depth) {
    return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }

  /** A long array. */
  static String longArray(int length) {
    return "[" + "\"x\",".repeat(length - 1) + "\"x\"]";
  }

  /** {@code text} as a JSON string, every character past ASCII escaped, so any char survives. */
  static String string(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }
}
