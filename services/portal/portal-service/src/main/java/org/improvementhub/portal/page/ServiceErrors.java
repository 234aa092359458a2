package org.improvementhub.portal.page;

import java.util.HashMap;
import java.util.Map;
import org.improvementhub.portal.services.FieldProblem;
import org.improvementhub.portal.services.InvalidAtService;

/**
 * How a form shows a service's refusal: each of the service's field names (its JSON paths, such as
 * {@code leads[1].email}) is matched by its first segment to the form's field, and anything
 * unmatched goes against the fallback field, so the person always sees why.
 *
 * <pre>{@code
 * ServiceErrors.against(REF).field(REF).field(FormField.of("text", "Driver"))
 * }</pre>
 */
public final class ServiceErrors {

  private final Map<String, FormField> fields;
  private final FormField fallback;

  private ServiceErrors(Map<String, FormField> fields, FormField fallback) {
    this.fields = Map.copyOf(fields);
    this.fallback = fallback;
  }

  /** Everything the service names that the form has no field for goes against {@code fallback}. */
  public static ServiceErrors against(FormField fallback) {
    return new ServiceErrors(Map.of(), fallback);
  }

  /** The service's field of the same name as the form's. */
  public ServiceErrors field(FormField field) {
    return field(field.name(), field);
  }

  /** The service's {@code serviceField} is the form's {@code field}. */
  public ServiceErrors field(String serviceField, FormField field) {
    Map<String, FormField> more = new HashMap<>(fields);
    more.put(serviceField, field);
    return new ServiceErrors(more, fallback);
  }

  /** The same fields, with what none of them matches going against {@code other}. */
  public ServiceErrors otherwise(FormField other) {
    return new ServiceErrors(fields, other);
  }

  /** The refusal as the form's errors. */
  public FormErrors of(InvalidAtService refused) {
    FormErrors errors = FormErrors.none();
    for (FieldProblem problem : refused.fields()) {
      String first = problem.field().split("[.\\[]", 2)[0];
      FormField target = fields.getOrDefault(first, fallback);
      errors.add(
          target.name(), target.inputId(), sentence(target.label() + " " + problem.message()));
    }
    if (!errors.any()) {
      errors.add(fallback.name(), fallback.inputId(), sentence(refused.getMessage()));
    }
    return errors;
  }

  private static String sentence(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty()
        ? trimmed
        : Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
  }
}
