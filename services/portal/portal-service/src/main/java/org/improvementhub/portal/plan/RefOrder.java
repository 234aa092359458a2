package org.improvementhub.portal.plan;

import java.util.Comparator;

/** Orders plan refs as people read them: by each dotted part, numbers as numbers (2.9 < 2.10). */
class RefOrder implements Comparator<String> {

  @Override
  public int compare(String left, String right) {
    String[] a = left.split("[.\\-]");
    String[] b = right.split("[.\\-]");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int order = part(a[i], b[i]);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static int part(String a, String b) {
    boolean numbers = a.matches("\\d{1,9}") && b.matches("\\d{1,9}");
    return numbers ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b);
  }
}
