package org.improvementhub.plans.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drivers a cell cites, as refs: {@code OR 13}, {@code IN 3.1}, {@code IN 1.7, 3.1} (two),
 * {@code Links to IN 18}, {@code Pg 7 Para 23}, {@code Pg 5 Para 13,14} (two), {@code
 * Recommendation 4}, {@code OIS 2012}.
 */
public final class DriverRefs {

  private static final Pattern CITED =
      Pattern.compile(
          "\\b(OR|IN|PR|AFI)\\s*(\\d+(?:\\.\\d+)*(?:\\s*,\\s*\\d+(?:\\.\\d+)*)*)"
              + "|\\b(OIS|PR)\\s+(\\d{4})\\b"
              + "|\\bPg\\.?\\s*(\\d+)\\s*Para\\.?\\s*(\\d+(?:\\s*,\\s*\\d+)*)"
              + "|\\bRecommendation\\s+(\\d+)",
          Pattern.CASE_INSENSITIVE);

  private DriverRefs() {}

  public static List<String> find(String text) {
    List<String> refs = new ArrayList<>();
    if (text == null) {
      return refs;
    }
    Matcher m = CITED.matcher(text);
    while (m.find()) {
      if (m.group(1) != null) {
        for (String number : m.group(2).split("\\s*,\\s*")) {
          add(refs, m.group(1).toUpperCase() + " " + number);
        }
      } else if (m.group(3) != null) {
        add(refs, m.group(3).toUpperCase() + " " + m.group(4));
      } else if (m.group(5) != null) {
        for (String para : m.group(6).split("\\s*,\\s*")) {
          add(refs, "Pg " + m.group(5) + " Para " + para);
        }
      } else {
        add(refs, "Recommendation " + m.group(7));
      }
    }
    return refs;
  }

  private static void add(List<String> refs, String ref) {
    if (!refs.contains(ref)) {
      refs.add(ref);
    }
  }
}
