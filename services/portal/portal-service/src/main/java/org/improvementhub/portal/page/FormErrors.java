package org.improvementhub.portal.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form's errors in the GOV.UK error-summary pattern: each names its field, links to the input's
 * id, and is repeated beside the input.
 */
public final class FormErrors {

  /** One error: the input's id (the summary's link target) and the message. */
  public record FieldError(String field, String href, String message) {}

  private final Map<String, FieldError> byField = new LinkedHashMap<>();

  public static FormErrors none() {
    return new FormErrors();
  }

  /** Adds an error for {@code field}, whose first input has id {@code inputId}. */
  public FormErrors add(String field, String inputId, String message) {
    byField.putIfAbsent(field, new FieldError(field, "#" + inputId, message));
    return this;
  }

  /** Adds {@code others}' errors for fields that have none yet. */
  public FormErrors addAll(FormErrors others) {
    others.byField.values().forEach(error -> byField.putIfAbsent(error.field(), error));
    return this;
  }

  public boolean any() {
    return !byField.isEmpty();
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public String message(String field) {
    FieldError error = byField.get(field);
    return error == null ? "" : error.message();
  }

  public List<FieldError> all() {
    return new ArrayList<>(byField.values());
  }
}
