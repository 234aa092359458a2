package org.improvementhub.testsupport.fuzz;

import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.lifecycle.Lifespan;
import net.jqwik.api.lifecycle.Store;

/**
 * What one property's run saw: cases sent and answers by {@link Verdict.Kind}, plus imports that
 * were refused yet changed the council's data. {@link FuzzBudget} prints it when the property ends,
 * as the line the bench script adds up.
 */
public final class FuzzTally {

  private final Map<Verdict.Kind, Integer> verdicts = new EnumMap<>(Verdict.Kind.class);
  private int cases;
  private int halfApplied;
  private int leaks;
  private long slowestNanos;
  private String slowest = "";

  /** The tally of the property running now. */
  public static FuzzTally current() {
    return Store.getOrCreate(FuzzTally.class, Lifespan.PROPERTY, FuzzTally::new).get();
  }

  /** Counts {@code verdict} and returns it, to assert on. */
  public Verdict count(Verdict verdict) {
    cases++;
    verdicts.merge(verdict.kind(), 1, Integer::sum);
    return verdict;
  }

  /**
   * Notes how long {@code sent} took since {@code startNanos} ({@link System#nanoTime()}), so the
   * bench can print the slowest case: a figure to read, never an assertion.
   */
  public void took(Object sent, long startNanos) {
    long nanos = System.nanoTime() - startNanos;
    if (nanos > 300_000_000L) {
      System.out.println("SLOWCASE " + nanos / 1_000_000 + "ms " + sent);
    }
    if (nanos > slowestNanos) {
      slowestNanos = nanos;
      String text = String.valueOf(sent);
      slowest = text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
  }

  /** Counts a case that sent no request (a parser fed directly) and its verdict. */
  public void countCase() {
    cases++;
  }

  /** Counts a refused import after which the council's data was not as before. */
  public void countHalfApplied() {
    halfApplied++;
  }

  /**
   * Counts a case whose answer showed another council's data, or whose request went where its
   * sender may not (another council's records, an observer's change).
   */
  public void countLeak() {
    leaks++;
  }

  String line(String property) {
    return ("fuzz: %s cases=%d 5xx=%d non-problem=%d field-not-named=%d half-applied=%d"
            + " leaks=%d slowest=%dms (%s)")
        .formatted(
            property,
            cases,
            verdicts.getOrDefault(Verdict.Kind.SERVER_ERROR, 0),
            verdicts.getOrDefault(Verdict.Kind.NOT_PROBLEM, 0),
            verdicts.getOrDefault(Verdict.Kind.FIELD_NOT_NAMED, 0),
            halfApplied,
            leaks,
            slowestNanos / 1_000_000,
            slowest.replace('\n', ' '));
  }
}
