package org.improvementhub.plans.documents;

import java.time.LocalDate;

/**
 * A timescale cell read: the start and due dates it gives (either may be absent), and when the
 * reading was not plain, what a programme manager should know about it.
 *
 * @param kind null when the text was a plain date or range; otherwise what sort of flag it needs
 * @param note why it needs a look, in words (null when {@code kind} is null)
 */
public record DateReading(LocalDate start, LocalDate due, Flag.Kind kind, String note) {

  boolean clean() {
    return kind == null;
  }
}
