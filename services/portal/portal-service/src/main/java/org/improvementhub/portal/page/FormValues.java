package org.improvementhub.portal.page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A posted form's values, trimmed, without its CSRF token: what the page shows again on error. */
public final class FormValues {

  /** A register's ref (a driver's, a risk's): letters and digits, then spaces, dots, hyphens. */
  private static final Pattern REF = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9. \\-]*$");

  private FormValues() {}

  public static Map<String, String> of(Map<String, String> body) {
    Map<String, String> form = new HashMap<>();
    body.forEach((name, value) -> form.put(name, value == null ? "" : value.strip()));
    form.remove("csrf");
    return form;
  }

  /** A record's fields as its form shows them when it opens. */
  public static Map<String, String> of(Map<String, Object> record, List<String> fields) {
    Map<String, String> form = new HashMap<>();
    for (String field : fields) {
      form.put(field, text(record.get(field)));
    }
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

  /** Checks that {@code name} holds one of {@code choices}; its value either way. */
  public static String chosen(
      Map<String, String> form,
      String name,
      List<Choice> choices,
      String message,
      FormErrors errors) {
    String value = form.getOrDefault(name, "");
    if (choices.stream().noneMatch(choice -> choice.value().equals(value))) {
      errors.add(name, name, message);
    }
    return value;
  }

  /** Checks a register's required ref of up to 20 characters; {@code like} is an example ref. */
  public static String ref(Map<String, String> form, String like, FormErrors errors) {
    String ref = required(form, "ref", "Ref", 20, errors);
    if (ref != null && !REF.matcher(ref).matches()) {
      errors.add(
          "ref", "ref", "Ref must be letters, digits, spaces, dots and hyphens, like " + like);
    }
    return ref;
  }
}
