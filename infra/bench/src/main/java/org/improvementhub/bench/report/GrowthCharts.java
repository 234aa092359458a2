package org.improvementhub.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A cost against the number of councils on log–log axes, beside a linear line for reference. */
final class GrowthCharts {

  private GrowthCharts() {}

  static void costAgainstCouncils(GrowthCost cost, Path png) throws IOException {
    XYSeries measured = new XYSeries("measured");
    cost.points().forEach((n, v) -> measured.add((double) n, v));
    // what linear growth from the smallest size would be: a straight line of slope 1 here
    XYSeries linear = new XYSeries("linear from the smallest size");
    int first = cost.points().firstKey();
    double at = cost.points().get(first);
    cost.points().keySet().forEach(n -> linear.add((double) n, (Double) (at * n / first)));
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(measured);
    data.addSeries(linear);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            String.format("%s: exponent %.2f (%s)", cost.name(), cost.exponent(), cost.growth()),
            "councils (log scale)",
            cost.unit() + " (log scale)",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    // plain numbers on the log axes (JFreeChart writes 10^1.24 otherwise); a dot at each size
    LogAxis councils = new LogAxis("councils (log scale)");
    councils.setNumberFormatOverride(new DecimalFormat("#,##0"));
    plot.setDomainAxis(councils);
    LogAxis costAxis = new LogAxis(cost.unit() + " (log scale)");
    costAxis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
    plot.setRangeAxis(costAxis);
    plot.setRenderer(new XYLineAndShapeRenderer(true, true));
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 540);
  }
}
