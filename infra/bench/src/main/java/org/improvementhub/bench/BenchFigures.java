package org.improvementhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a bench measured, as JSON beside what it prints for people: the issue-13 report reads these
 * files rather than the printed lines. Written to {@code -Dbench.json=<file>} ({@code run-all.sh}
 * names one per bench and size), else to {@code infra/bench/target/<bench>.json}.
 */
public final class BenchFigures {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String bench;
  private final ObjectNode root = JSON.createObjectNode();

  private BenchFigures(String bench, int councils) {
    this.bench = bench;
    root.put("bench", bench);
    root.put("councils", councils);
    root.put("cores", Runtime.getRuntime().availableProcessors());
    root.put("loadAverageBefore", loadAverage());
  }

  /** The figures of {@code bench} run with {@code councils} councils. */
  public static BenchFigures of(String bench, int councils) {
    return new BenchFigures(bench, councils);
  }

  /** The root object, for figures that are not a percentile summary. */
  public ObjectNode root() {
    return root;
  }

  /** {@code percentiles} of {@code times} under {@code key}: {@code {"p50":…, "n":…}} in ms. */
  public ObjectNode percentiles(ObjectNode parent, String key, Percentiles times, int... ps) {
    ObjectNode node = parent.putObject(key);
    for (int p : ps) {
      node.put("p" + p, times.at(p));
    }
    node.put("n", times.sortedMillis().size());
    return node;
  }

  /** Writes the file and prints where it is. */
  public Path write() throws IOException {
    root.put("loadAverageAfter", loadAverage());
    Path file =
        Path.of(System.getProperty("bench.json", "infra/bench/target/" + bench + ".json"))
            .toAbsolutePath();
    Files.createDirectories(file.getParent());
    JSON.writeValue(file.toFile(), root);
    System.out.println("Figures (JSON): " + file);
    return file;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
