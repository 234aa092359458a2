package org.improvementhub.plans.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A leads cell split into the people or teams it names: on {@code /}, {@code ;}, new lines, and on
 * {@code and}, {@code &} and commas only between two names that each look like a person's (two or
 * more capitalised words), so {@code Learning and Development} stays one team.
 */
public final class LeadNames {

  private static final Pattern ALWAYS = Pattern.compile("\\s*(?:/|;|\\n)\\s*");
  private static final Pattern BETWEEN_PEOPLE = Pattern.compile("\\s*(?:\\band\\b|&|,)\\s*");

  private LeadNames() {}

  public static List<String> split(String text) {
    List<String> leads = new ArrayList<>();
    if (text == null) {
      return leads;
    }
    for (String part : ALWAYS.split(text.strip())) {
      String[] people = BETWEEN_PEOPLE.split(part);
      if (people.length > 1 && List.of(people).stream().allMatch(LeadNames::looksLikePerson)) {
        List.of(people).forEach(person -> add(leads, person));
      } else {
        add(leads, part);
      }
    }
    return leads;
  }

  private static void add(List<String> leads, String name) {
    String clean = name.strip().replaceAll("\\s+", " ").replaceAll("[.,]$", "");
    if (!clean.isEmpty() && !leads.contains(clean)) {
      leads.add(clean);
    }
  }

  private static boolean looksLikePerson(String name) {
    String[] words = name.strip().replaceAll("\\(.*\\)", "").strip().split("\\s+");
    return words.length >= 2
        && List.of(words).stream()
            .allMatch(word -> !word.isEmpty() && Character.isUpperCase(word.charAt(0)));
  }
}
