package org.improvementhub.notifications.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What decides an email's layout apart from its words: its template, which values are missing and
 * the booleans (a template tests {@code note != null} or {@code noLead}). Every other value is a
 * slot, filled in as text. Two emails of one shape differ only in the slots' text.
 *
 * @param key the template and, by name, each value's slot or fixed value
 * @param slotNames the slot values' names, slot 0 first
 * @param fixed the missing values and booleans, as Thymeleaf is given them
 */
record EmailShape(String key, List<String> slotNames, Map<String, Object> fixed) {

  /** Empty if some value is neither text, a number, a boolean nor missing (a list, say). */
  static Optional<EmailShape> of(String template, Map<String, ?> values) {
    StringBuilder key = new StringBuilder(template);
    List<String> slots = new ArrayList<>();
    Map<String, Object> fixed = new LinkedHashMap<>();
    for (Map.Entry<String, ?> value : new TreeMap<>(values).entrySet()) {
      Object v = value.getValue();
      key.append('|').append(value.getKey()).append('=');
      if (v == null || v instanceof Boolean) {
        key.append(v);
        fixed.put(value.getKey(), v);
      } else if (v instanceof CharSequence || v instanceof Number) {
        key.append('#');
        slots.add(value.getKey());
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new EmailShape(key.toString(), List.copyOf(slots), fixed));
  }

  int slots() {
    return slotNames.size();
  }

  /** The values to render the shape's templates with once: a marker in each slot. */
  Map<String, Object> markedValues() {
    Map<String, Object> marked = new LinkedHashMap<>(fixed);
    for (int slot = 0; slot < slotNames.size(); slot++) {
      marked.put(slotNames.get(slot), PreparedPart.marker(slot));
    }
    return marked;
  }

  /** The text of each slot of an email of this shape, slot 0 first. */
  String[] slotValues(Map<String, ?> values) {
    String[] text = new String[slotNames.size()];
    for (int slot = 0; slot < text.length; slot++) {
      text[slot] = String.valueOf(values.get(slotNames.get(slot)));
    }
    return text;
  }
}
