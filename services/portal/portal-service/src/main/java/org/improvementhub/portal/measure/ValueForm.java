package org.improvementhub.portal.measure;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.improvementhub.portal.page.FormErrors;

/** What a person typed to record a measure's value for a period, as typed. */
public record ValueForm(
    String period, String value, String numerator, String denominator, String note) {

  private static final Pattern PERIOD = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");
  private static final int NOTE_LIMIT = 2000;

  static ValueForm blank(String period) {
    return new ValueForm(period, "", "", "", "");
  }

  static ValueForm of(Map<String, String> body) {
    return new ValueForm(
        body.getOrDefault("period", "").strip(),
        body.getOrDefault("value", "").strip(),
        body.getOrDefault("numerator", "").strip(),
        body.getOrDefault("denominator", "").strip(),
        body.getOrDefault("note", "").strip());
  }

  /** The portal's own checks, each naming its field; the measures API checks the rest. */
  FormErrors check() {
    FormErrors errors = FormErrors.none();
    if (period.isEmpty()) {
      errors.add("period", "period", "Enter the period, for example 2026-11");
    } else if (!PERIOD.matcher(period).matches()) {
      errors.add("period", "period", "Period must be a year and month, like 2026-11");
    }
    number(errors, "value", value, "Value");
    number(errors, "numerator", numerator, "Numerator");
    number(errors, "denominator", denominator, "Denominator");
    if (value.isEmpty() && (numerator.isEmpty() || denominator.isEmpty()) && !errors.has("value")) {
      errors.add("value", "value", "Enter the value, or both the numerator and the denominator");
    }
    if (note.length() > NOTE_LIMIT) {
      errors.add("note", "note", "Note must be " + NOTE_LIMIT + " characters or fewer");
    }
    return errors;
  }

  /** The measures API's body for {@code PUT …/values/{period}}. */
  Map<String, Object> entry() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("value", value.isEmpty() ? null : new BigDecimal(value));
    entry.put("numerator", numerator.isEmpty() ? null : new BigDecimal(numerator));
    entry.put("denominator", denominator.isEmpty() ? null : new BigDecimal(denominator));
    entry.put("note", note.isEmpty() ? null : note);
    return entry;
  }

  private static void number(FormErrors errors, String field, String text, String label) {
    if (text.isEmpty()) {
      return;
    }
    try {
      if (new BigDecimal(text).signum() < 0) {
        errors.add(field, field, label + " must be 0 or more");
      }
    } catch (NumberFormatException e) {
      errors.add(field, field, label + " must be a number, like 87.5");
    }
  }
}
