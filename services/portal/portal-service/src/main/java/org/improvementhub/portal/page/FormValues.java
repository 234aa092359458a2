package org.improvementhub.portal.page;

import java.util.HashMap;
import java.util.Map;

/** A posted form's values, trimmed, without its CSRF token: what the page shows again on error. */
public final class FormValues {

  private FormValues() {}

  public static Map<String, String> of(Map<String, String> body) {
    Map<String, String> form = new HashMap<>();
    body.forEach((name, value) -> form.put(name, value == null ? "" : value.strip()));
    form.remove("csrf");
    return form;
  }

  /** A record's field as the form shows it: empty for null. */
  public static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  /** Checks a required text field of at most {@code max} characters; null when it is wrong. */
  public static String required(
      Map<String, String> form, String name, String label, int max, FormErrors errors) {
    String value = form.getOrDefault(name, "");
    if (value.isEmpty()) {
      errors.add(name, name, "Enter the " + label.toLowerCase());
      return null;
    }
    if (value.length() > max) {
      errors.add(name, name, label + " must be " + max + " characters or fewer");
      return null;
    }
    return value;
  }

  /** Checks an optional text field of at most {@code max} characters; null when empty. */
  public static String optional(
      Map<String, String> form, String name, String label, int max, FormErrors errors) {
    String value = form.getOrDefault(name, "");
    if (value.length() > max) {
      errors.add(name, name, label + " must be " + max + " characters or fewer");
    }
    return value.isEmpty() ? null : value;
  }
}
