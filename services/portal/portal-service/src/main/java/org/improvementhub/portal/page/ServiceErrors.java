package org.improvementhub.portal.page;

import java.util.Map;
import org.improvementhub.portal.services.FieldProblem;
import org.improvementhub.portal.services.InvalidAtService;

/**
 * A service's refusal as a form's errors: each of the service's field names (its JSON paths, such
 * as {@code leads[1].email}) is matched by its first segment to the form's field, and anything
 * unmatched goes against {@code fallback}, so the person always sees why.
 */
public final class ServiceErrors {

  private ServiceErrors() {}

  /**
   * @param fields the service's field name (first segment) to the form's field name and the id of
   *     its first input
   */
  public static FormErrors of(
      InvalidAtService refused, Map<String, String[]> fields, String[] fallback) {
    FormErrors errors = FormErrors.none();
    for (FieldProblem problem : refused.fields()) {
      String first = problem.field().split("[.\\[]", 2)[0];
      String[] target = fields.getOrDefault(first, fallback);
      errors.add(target[0], target[1], sentence(target[2] + " " + problem.message()));
    }
    if (!errors.any()) {
      errors.add(fallback[0], fallback[1], sentence(refused.getMessage()));
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
