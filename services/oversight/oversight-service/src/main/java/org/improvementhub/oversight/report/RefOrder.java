package org.improvementhub.oversight.report;

import java.util.Comparator;

/**
 * Orders plan refs as people read them: {@code 2.1.10} after {@code 2.1.9}, numbers by value, any
 * other text alphabetically.
 */
enum RefOrder implements Comparator<String> {
  INSTANCE;

  @Override
  public int compare(String left, String right) {
    String[] a = left.split("[.\\-\\s]+");
    String[] b = right.split("[.\\-\\s]+");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int order = comparePart(a[i], b[i]);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static int comparePart(String a, String b) {
    boolean numbers = a.matches("\\d{1,9}") && b.matches("\\d{1,9}");
    return numbers ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b);
  }
}
