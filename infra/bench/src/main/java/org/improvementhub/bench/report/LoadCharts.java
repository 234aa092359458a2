package org.improvementhub.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts (PNG, JFreeChart): figures of the read mix against the load asked for. */
final class LoadCharts {

  private LoadCharts() {}

  /** p50, p95 and p99 of all the read mix's requests, and each request's p99, per rate. */
  static void latencyAgainstLoad(JsonNode readMix, Path png) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    XYSeries p50 = new XYSeries("all requests p50");
    XYSeries p95 = new XYSeries("all requests p95");
    XYSeries p99 = new XYSeries("all requests p99");
    Map<String, XYSeries> perRequest = new LinkedHashMap<>();
    for (JsonNode run : readMix.path("runs")) {
      double rate = run.path("rate").asDouble();
      p50.add(rate, run.path("all").path("p50").asDouble());
      p95.add(rate, run.path("all").path("p95").asDouble());
      p99.add(rate, run.path("all").path("p99").asDouble());
      for (JsonNode request : run.path("requests")) {
        String name = request.path("name").asText() + " p99";
        perRequest.computeIfAbsent(name, XYSeries::new).add(rate, request.path("p99").asDouble());
      }
    }
    data.addSeries(p50);
    data.addSeries(p95);
    data.addSeries(p99);
    perRequest.values().forEach(data::addSeries);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Read mix: response time against load (target p99 <= 20 ms at 300/s)",
            "requests per second asked (open model)",
            "response time (ms, log scale)",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    // from a few ms to a minute: only a log scale shows both ends
    LogAxis milliseconds = new LogAxis("response time (ms, log scale)");
    milliseconds.setSmallestValue(0.5);
    chart.getXYPlot().setRangeAxis(milliseconds);
    save(chart, png);
  }

  /** Each service's resident memory peak per rate of the read mix. */
  static void memoryAgainstLoad(JsonNode readMix, Path png) throws IOException {
    Map<String, XYSeries> perService = new LinkedHashMap<>();
    for (JsonNode run : readMix.path("runs")) {
      double rate = run.path("rate").asDouble();
      run.path("peakRssMb")
          .fields()
          .forEachRemaining(
              e ->
                  perService
                      .computeIfAbsent(e.getKey(), XYSeries::new)
                      .add(rate, e.getValue().asDouble()));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    perService.values().forEach(data::addSeries);
    save(
        ChartFactory.createXYLineChart(
            "Resident memory peak per service under the read mix (target <= 300 MB)",
            "requests per second asked (open model)",
            "resident memory (MB)",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false),
        png);
  }

  private static void save(JFreeChart chart, Path png) throws IOException {
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 540);
  }
}
