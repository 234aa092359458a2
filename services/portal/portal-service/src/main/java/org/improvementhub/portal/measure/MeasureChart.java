package org.improvementhub.portal.measure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of a measure's line chart, worked out here so the template only draws: monthly
 * values, the target trajectory (or the band's two edges), and the England and statistical
 * neighbours comparators for each year. The chart is decoration for sighted readers; the page's
 * table holds every figure it shows.
 */
public record MeasureChart(
    int width, int height, List<Line> lines, List<Dot> dots, List<Tick> yTicks, List<Tick> xTicks) {

  static final int WIDTH = 640;
  static final int HEIGHT = 320;
  static final int LEFT = 56;
  static final int RIGHT = 28;
  static final int TOP = 16;
  static final int BOTTOM = 40;

  /** A series drawn as a path; {@code style} picks its stroke in the stylesheet. */
  public record Line(String name, String style, String path) {}

  /** A value's marker. */
  public record Dot(double x, double y) {}

  /** An axis label at {@code at} (y for the value axis, x for the period axis). */
  public record Tick(double at, String label) {}

  /** One period's figures: the value and what it is measured against. */
  public record Period(
      String period,
      BigDecimal value,
      BigDecimal target,
      BigDecimal lower,
      BigDecimal upper,
      BigDecimal england,
      BigDecimal neighbours) {}

  static MeasureChart of(List<Period> periods, String unit) {
    double top = 0;
    for (Period p : periods) {
      for (BigDecimal v :
          new BigDecimal[] {
            p.value(), p.target(), p.lower(), p.upper(), p.england(), p.neighbours()
          }) {
        if (v != null) {
          top = Math.max(top, v.doubleValue());
        }
      }
    }
    double max = niceCeiling(top == 0 ? 1 : top * 1.1);
    if ("PERCENT".equals(unit)) {
      max = Math.min(max, 100);
    }
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    int n = periods.size();
    double step = n <= 1 ? 0 : plotWidth / (n - 1);
    final double scaleMax = max;
    java.util.function.DoubleUnaryOperator y =
        v -> round(TOP + plotHeight - (v / scaleMax) * plotHeight);
    java.util.function.IntToDoubleFunction x =
        i -> round(LEFT + (n <= 1 ? plotWidth / 2 : i * step));

    List<Line> lines = new ArrayList<>();
    add(lines, "Value", "value", path(periods, Period::value, x, y));
    add(lines, "Target", "target", path(periods, Period::target, x, y));
    add(lines, "Lower edge of target band", "target", path(periods, Period::lower, x, y));
    add(lines, "Upper edge of target band", "target", path(periods, Period::upper, x, y));
    add(lines, "England", "england", path(periods, Period::england, x, y));
    add(lines, "Statistical neighbours", "neighbours", path(periods, Period::neighbours, x, y));

    List<Dot> dots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BigDecimal v = periods.get(i).value();
      if (v != null) {
        dots.add(new Dot(x.applyAsDouble(i), y.applyAsDouble(v.doubleValue())));
      }
    }
    List<Tick> yTicks = new ArrayList<>();
    for (int t = 0; t <= 4; t++) {
      double value = max * t / 4;
      yTicks.add(new Tick(y.applyAsDouble(value), Figures.text(BigDecimal.valueOf(value), unit)));
    }
    List<Tick> xTicks = new ArrayList<>();
    int every = Math.max(1, (int) Math.ceil(n / 8.0));
    for (int i = 0; i < n; i += every) {
      xTicks.add(new Tick(x.applyAsDouble(i), Figures.shortMonth(periods.get(i).period())));
    }
    return new MeasureChart(WIDTH, HEIGHT, lines, dots, yTicks, xTicks);
  }

  /** The bottom of the plot, where the period axis is drawn. */
  public int axisY() {
    return HEIGHT - BOTTOM;
  }

  public int axisLeft() {
    return LEFT;
  }

  public int axisRight() {
    return WIDTH - RIGHT;
  }

  /** Lines with a path, for the legend. */
  public List<Line> legend() {
    List<Line> shown = new ArrayList<>();
    for (Line line : lines) {
      if (shown.stream().noneMatch(l -> l.style().equals(line.style()))) {
        shown.add(line);
      }
    }
    return shown;
  }

  private static void add(List<Line> lines, String name, String style, String path) {
    if (!path.isEmpty()) {
      lines.add(new Line(name, style, path));
    }
  }

  /** An SVG path through the periods that have a figure; a gap starts a new stroke. */
  private static String path(
      List<Period> periods,
      java.util.function.Function<Period, BigDecimal> figure,
      java.util.function.IntToDoubleFunction x,
      java.util.function.DoubleUnaryOperator y) {
    StringBuilder d = new StringBuilder();
    boolean drawing = false;
    int drawn = 0;
    for (int i = 0; i < periods.size(); i++) {
      BigDecimal v = figure.apply(periods.get(i));
      if (v == null) {
        drawing = false;
        continue;
      }
      d.append(drawing ? " L" : (d.isEmpty() ? "M" : " M"))
          .append(format(x.applyAsDouble(i)))
          .append(' ')
          .append(format(y.applyAsDouble(v.doubleValue())));
      drawing = true;
      drawn++;
    }
    return drawn == 0 ? "" : d.toString();
  }

  static double niceCeiling(double value) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double nice : new double[] {1, 2, 2.5, 5, 10}) {
      if (nice * magnitude >= value) {
        return nice * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** The periods from the API's series points and its yearly comparators. */
  static List<Period> periods(
      List<Map<String, Object>> points, List<Map<String, Object>> comparators) {
    List<Period> periods = new ArrayList<>();
    for (Map<String, Object> point : points) {
      String period = String.valueOf(point.get("period"));
      Map<String, Object> year = comparatorFor(period, comparators);
      periods.add(
          new Period(
              period,
              Figures.number(point.get("value")),
              Figures.number(point.get("target")),
              Figures.number(point.get("lower")),
              Figures.number(point.get("upper")),
              Figures.number(year.get("england")),
              Figures.number(year.get("statisticalNeighbours"))));
    }
    return periods;
  }

  private static Map<String, Object> comparatorFor(
      String period, List<Map<String, Object>> comparators) {
    String year = period.length() >= 4 ? period.substring(0, 4) : "";
    return comparators.stream()
        .filter(c -> year.equals(String.valueOf(c.get("year"))))
        .findFirst()
        .orElse(Map.of());
  }
}
