package org.improvementhub.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Gatling simulations address, written as the file {@code org.improvementhub.load
 * .LoadTargets} reads ({@code -Dload.targets}): keep the two in step.
 */
public record LoadTargets(Map<String, String> services, String observer, List<Council> councils) {

  static final String PASSWORD = "Load-User-Password-1";

  /** The months progress reports and measure values are written for: inside every programme. */
  static final List<String> PERIODS =
      List.of(
          "2024-03", "2024-06", "2024-09", "2024-12", "2025-03", "2025-06", "2025-09", "2025-12");

  public record Council(
      String slug,
      String reader,
      String writer,
      String programme,
      List<String> actions,
      List<String> measures,
      String portalSession) {}

  static ObjectMapper json() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Writes the targets file; it holds live tokens, so it belongs under {@code target/}. */
  public Path write(Path file) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("services", services);
    out.put("observer", observer);
    out.put("councils", councils);
    out.put("periods", PERIODS);
    try {
      Files.createDirectories(file.getParent());
      json().writeValue(file.toFile(), out);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the councils' plans as {@code bench-data.json}: {@code {councils:[{slug, name, laCode,
   * items:[{ref,title,parentRef}], actions:[{ref,title,lead,leadName,due,rag,parentRef}]}]}}. The
   * format is documented in {@code infra/bench/README.md}; another system is loaded from it.
   */
  public static Path writeBenchData(List<BenchPlan> plans, Path file) {
    try {
      Files.createDirectories(file.getParent());
      json().writeValue(file.toFile(), Map.of("councils", plans));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
