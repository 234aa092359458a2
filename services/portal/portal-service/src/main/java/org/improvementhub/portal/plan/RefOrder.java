package org.improvementhub.portal.plan;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Orders plan refs as people read them: by each dotted part, numbers as numbers (2.9 < 2.10).
 *
 * <p>A plan page sorts 600 actions, some 5,500 comparisons: each ref is taken apart once ({@link
 * #sorted}), not at every comparison, and the patterns are compiled once. Splitting and matching
 * with a pattern compiled per call was 18 % of the portal's CPU under the session 9 soak.
 */
class RefOrder implements Comparator<String> {

  private static final Pattern SEPARATORS = Pattern.compile("[.\\-]");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

  @Override
  public int compare(String left, String right) {
    return Key.of(left).compareTo(Key.of(right));
  }

  /** {@code rows} in the order of their refs, each ref taken apart once. */
  static <T> List<T> sorted(List<T> rows, Function<T, String> ref) {
    return rows.stream()
        .map(row -> new SimpleImmutableEntry<>(Key.of(ref.apply(row)), row))
        .sorted(Map.Entry.comparingByKey())
        .map(Map.Entry::getValue)
        .toList();
  }

  /** A ref's parts, each with its value when it is a number of up to nine digits (else -1). */
  private record Key(String[] parts, int[] numbers) implements Comparable<Key> {

    static Key of(String ref) {
      String[] parts = SEPARATORS.split(ref);
      int[] numbers = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        numbers[i] = NUMBER.matcher(parts[i]).matches() ? Integer.parseInt(parts[i]) : -1;
      }
      return new Key(parts, numbers);
    }

    @Override
    public int compareTo(Key other) {
      for (int i = 0; i < Math.min(parts.length, other.parts.length); i++) {
        boolean bothNumbers = numbers[i] >= 0 && other.numbers[i] >= 0;
        int order =
            bothNumbers
                ? Integer.compare(numbers[i], other.numbers[i])
                : parts[i].compareTo(other.parts[i]);
        if (order != 0) {
          return order;
        }
      }
      return Integer.compare(parts.length, other.parts.length);
    }
  }
}
