package org.improvementhub.portal.page;

import java.util.List;

/** One option of a select, radios or checkboxes: what is sent, what people read, and a hint. */
public record Choice(String value, String text, String hint) {

  public static Choice of(String value, String text) {
    return new Choice(value, text, null);
  }

  /** What people read for a record's {@code value} among {@code choices}; empty if none. */
  public static String textOf(List<Choice> choices, Object value) {
    return choices.stream()
        .filter(c -> c.value().equals(FormValues.text(value)))
        .map(Choice::text)
        .findFirst()
        .orElse("");
  }
}
