package org.improvementhub.plans.documents;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timescales as councils write them: {@code October 2009}, {@code Jul 2019}, {@code 31.03.12},
 * {@code 31 March 2012}, {@code 31.01.12 – 31.07.12} (a start and a due date), {@code ongoing} (no
 * due date). A month alone means its last day. Anything else is read as far as it goes and flagged.
 */
public final class CouncilDates {

  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}|\\d{2})\\b"
              + "|(\\d{1,2})(?:st|nd|rd|th)?\\s+"
              + MONTH
              + ",?\\s+(\\d{4})\\b"
              + "|\\b"
              + MONTH
              + ",?\\s+(\\d{4})\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE_BETWEEN =
      Pattern.compile("^\\s*(?:[-–—]|to|until|till)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ONGOING =
      Pattern.compile(
          "ongoing|on-going|continuous|monthly|weekly|quarterly", Pattern.CASE_INSENSITIVE);
  private static final Pattern ONWARDS =
      Pattern.compile("onwards|from\\s", Pattern.CASE_INSENSITIVE);

  private CouncilDates() {}

  public static DateReading read(String text) {
    if (text == null || text.isBlank()) {
      return new DateReading(null, null, Flag.Kind.MISSING, "no timescale in the document");
    }
    List<Found> found = new ArrayList<>();
    Matcher matcher = DATE.matcher(text);
    while (matcher.find()) {
      LocalDate day = day(matcher);
      if (day != null) {
        found.add(new Found(day, matcher.start(), matcher.end()));
      }
    }
    if (found.isEmpty()) {
      if (ONGOING.matcher(text).find()) {
        return new DateReading(
            null, null, Flag.Kind.MISSING, "\"" + text.strip() + "\": no due date");
      }
      return new DateReading(null, null, Flag.Kind.UNREADABLE, "not a date this reader knows");
    }
    if (found.size() == 1) {
      Found only = found.get(0);
      String rest = (text.substring(0, only.from) + text.substring(only.to)).strip();
      if (ONWARDS.matcher(rest).find() || text.substring(only.to).strip().matches("^[-–—]$")) {
        return new DateReading(
            only.day, null, Flag.Kind.MISSING, "a start date with no due date (\"" + rest + "\")");
      }
      if (rest.chars().anyMatch(Character::isLetter)) {
        return new DateReading(
            null,
            only.day,
            Flag.Kind.GUESSED,
            "read as due " + only.day + "; the rest (\"" + rest + "\") is not a date");
      }
      return new DateReading(null, only.day, null, null);
    }
    if (found.size() == 2
        && RANGE_BETWEEN.matcher(text.substring(found.get(0).to, found.get(1).from)).matches()
        && !found.get(1).day.isBefore(found.get(0).day)) {
      return new DateReading(found.get(0).day, found.get(1).day, null, null);
    }
    LocalDate latest = found.stream().map(Found::day).max(LocalDate::compareTo).orElseThrow();
    return new DateReading(
        null,
        latest,
        Flag.Kind.GUESSED,
        found.size() + " dates in one cell: the latest, " + latest + ", taken as the due date");
  }

  private static LocalDate day(Matcher m) {
    try {
      if (m.group(1) != null) {
        int year = Integer.parseInt(m.group(3));
        return LocalDate.of(
            year < 100 ? 2000 + year : year,
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(1)));
      }
      if (m.group(4) != null) {
        return LocalDate.of(
            Integer.parseInt(m.group(6)), month(m.group(5)), Integer.parseInt(m.group(4)));
      }
      return YearMonth.of(Integer.parseInt(m.group(8)), month(m.group(7))).atEndOfMonth();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int month(String name) {
    String three = name.toLowerCase(Locale.ROOT).substring(0, 3);
    return List.of(
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
            .indexOf(three)
        + 1;
  }

  private record Found(LocalDate day, int from, int to) {}
}
