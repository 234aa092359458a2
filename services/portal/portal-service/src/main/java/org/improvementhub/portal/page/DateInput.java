package org.improvementhub.portal.page;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;

/**
 * The GOV.UK date input: a day, a month and a year field named {@code <name>-day}, {@code
 * <name>-month} and {@code <name>-year}, checked with the pattern's own messages ("Due date must be
 * a real date"), the error linking to the first field that is wrong.
 */
public record DateInput(String name, String label, String day, String month, String year) {

  /** The three fields of {@code name} as the form sent them. */
  public static DateInput from(Map<String, String> form, String name, String label) {
    return new DateInput(
        name,
        label,
        form.getOrDefault(name + "-day", "").strip(),
        form.getOrDefault(name + "-month", "").strip(),
        form.getOrDefault(name + "-year", "").strip());
  }

  /** Puts {@code date} into {@code form} as its three fields (nothing for null). */
  public static void fill(Map<String, String> form, String name, Object date) {
    if (date == null) {
      return;
    }
    LocalDate value = LocalDate.parse(String.valueOf(date));
    form.put(name + "-day", String.valueOf(value.getDayOfMonth()));
    form.put(name + "-month", String.valueOf(value.getMonthValue()));
    form.put(name + "-year", String.valueOf(value.getYear()));
  }

  public boolean empty() {
    return day.isEmpty() && month.isEmpty() && year.isEmpty();
  }

  /**
   * The date, or null with the error added to {@code errors}; an empty date is an error only when
   * {@code required}.
   */
  public LocalDate check(FormErrors errors, boolean required) {
    if (empty()) {
      if (required) {
        errors.add(name, name + "-day", "Enter the " + label.toLowerCase());
      }
      return null;
    }
    String missing =
        day.isEmpty() ? "day" : month.isEmpty() ? "month" : year.isEmpty() ? "year" : null;
    if (missing != null) {
      errors.add(name, name + "-" + missing, label + " must include a " + missing);
      return null;
    }
    if (!year.matches("[0-9]{4}")) {
      errors.add(name, name + "-year", "Year must include 4 numbers");
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (NumberFormatException | DateTimeException notADate) {
      errors.add(name, name + "-day", label + " must be a real date");
      return null;
    }
  }
}
