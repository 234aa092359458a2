package org.improvementhub.portal.action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.improvementhub.portal.page.FormErrors;

/**
 * An action's leads as people type them without JavaScript: one a line, "name, email" or "name,
 * email, role or team". A line that is not so is named in the error ("Lead 2 ...").
 */
final class Leads {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+$");
  static final String FIELD = "leads";

  private Leads() {}

  /** The leads typed, or an error against the field (the list is then incomplete). */
  static List<Map<String, Object>> parse(String text, FormErrors errors) {
    List<Map<String, Object>> leads = new ArrayList<>();
    int number = 0;
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      number++;
      String[] parts = line.split(",", 3);
      String name = parts[0].strip();
      String email = parts.length > 1 ? parts[1].strip() : "";
      String role = parts.length > 2 ? parts[2].strip() : "";
      if (name.isEmpty() || email.isEmpty()) {
        errors.add(
            FIELD,
            FIELD,
            "Lead " + number + " must be a name and an email address, separated by a comma");
        continue;
      }
      if (!EMAIL.matcher(email).matches() || email.length() > 320) {
        errors.add(
            FIELD,
            FIELD,
            "Lead "
                + number
                + " must have an email address in the correct format, like"
                + " name@council.gov.uk");
        continue;
      }
      if (name.length() > 200 || role.length() > 200) {
        errors.add(
            FIELD, FIELD, "Lead " + number + "'s name and role must be 200 characters or fewer");
        continue;
      }
      Map<String, Object> lead = new LinkedHashMap<>();
      lead.put("name", name);
      lead.put("email", email);
      lead.put("role", role.isEmpty() ? null : role);
      leads.add(lead);
    }
    if (leads.size() > 20) {
      errors.add(FIELD, FIELD, "An action can have up to 20 leads");
    }
    return leads;
  }

  /** The action's leads as the form shows them, one a line. */
  static String text(Object leads) {
    StringBuilder text = new StringBuilder();
    if (leads instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> lead) {
          if (!text.isEmpty()) {
            text.append('\n');
          }
          text.append(lead.get("name")).append(", ").append(lead.get("email"));
          if (lead.get("role") != null) {
            text.append(", ").append(lead.get("role"));
          }
        }
      }
    }
    return text.toString();
  }
}
