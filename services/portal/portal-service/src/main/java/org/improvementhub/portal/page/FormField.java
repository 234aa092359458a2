package org.improvementhub.portal.page;

/**
 * A form's field as its error summary names it.
 *
 * @param name the field's name in the form's errors
 * @param inputId the id of its first input, where the summary's link goes
 * @param label what the person reads beside the input, starting a service's message about it
 */
public record FormField(String name, String inputId, String label) {

  /** A field whose one input is named and identified as the field is. */
  public static FormField of(String name, String label) {
    return new FormField(name, name, label);
  }
}
