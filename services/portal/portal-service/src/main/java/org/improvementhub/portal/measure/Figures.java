package org.improvementhub.portal.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers and periods as people read them: 87.5%, 12 days, November 2026. */
final class Figures {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter SHORT_MONTH =
      DateTimeFormatter.ofPattern("MMM yy", Locale.UK);

  private Figures() {}

  /** A number from an API answer, or null. */
  static BigDecimal number(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(String.valueOf(value));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code 87.50} as {@code 87.5}, with the unit's sign; empty for none. */
  static String text(BigDecimal value, String unit) {
    if (value == null) {
      return "";
    }
    BigDecimal plain =
        value.setScale(Math.min(2, Math.max(0, value.scale())), RoundingMode.HALF_UP);
    plain = plain.stripTrailingZeros();
    String number = (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    return switch (unit == null ? "" : unit) {
      case "PERCENT" -> number + "%";
      case "DAYS" -> number + " days";
      case "RATE_PER_10000" -> number + " per 10,000";
      default -> number;
    };
  }

  static String month(String period) {
    try {
      return YearMonth.parse(period).format(MONTH);
    } catch (RuntimeException e) {
      return period == null ? "" : period;
    }
  }

  static String shortMonth(String period) {
    try {
      return YearMonth.parse(period).format(SHORT_MONTH);
    } catch (RuntimeException e) {
      return period == null ? "" : period;
    }
  }

  static String unit(String unit) {
    return switch (unit == null ? "" : unit) {
      case "PERCENT" -> "Percentage";
      case "COUNT" -> "Number";
      case "DAYS" -> "Days";
      case "RATE_PER_10000" -> "Rate per 10,000 children";
      default -> unit == null ? "" : unit;
    };
  }

  static String polarity(String polarity) {
    return switch (polarity == null ? "" : polarity) {
      case "HIGHER_IS_BETTER" -> "Higher is better";
      case "LOWER_IS_BETTER" -> "Lower is better";
      case "WITHIN_BAND" -> "Within a band";
      default -> polarity == null ? "" : polarity;
    };
  }

  static String trend(String trend) {
    return switch (trend == null ? "" : trend) {
      case "IMPROVING" -> "Improving";
      case "STABLE" -> "No change";
      case "DECLINING" -> "Declining";
      default -> "";
    };
  }
}
