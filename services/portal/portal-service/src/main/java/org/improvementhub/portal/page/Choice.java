package org.improvementhub.portal.page;

/** One option of a select, radios or checkboxes: what is sent, what people read, and a hint. */
public record Choice(String value, String text, String hint) {

  public static Choice of(String value, String text) {
    return new Choice(value, text, null);
  }
}
