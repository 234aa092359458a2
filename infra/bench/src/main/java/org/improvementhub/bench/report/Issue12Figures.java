package org.improvementhub.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Issue 12's bench figures printed beside issue 13's: the fault harness's {@code faults.json}
 * ({@code run-faults.sh} writes it to {@code infra/bench/target/}; {@code run-all.sh} copies it
 * here) and the fuzz profile's summary ({@code fuzz.json}, or the {@code fuzz:} and {@code TOTAL}
 * lines of {@code run-fuzz.sh}'s output kept as {@code fuzz.txt}). Printed as they are: their
 * targets belong to issue 12.
 */
final class Issue12Figures {

  private static final int MAX_LINES = 80;

  private Issue12Figures() {}

  static String markdown(Path folder) throws IOException {
    StringBuilder md = new StringBuilder("\n## Issue 12's figures (faults, fuzz)\n\n");
    Path faults = folder.resolve("faults.json");
    if (Files.exists(faults)) {
      md.append("Faults (`faults.json`, from `infra/bench/run-faults.sh`):\n\n```\n");
      flatten("", new ObjectMapper().readTree(faults.toFile()), md, new int[] {0});
      md.append("```\n\n");
    } else {
      md.append("Faults: not run into this folder (`infra/bench/run-faults.sh` writes")
          .append(" `infra/bench/target/faults.json`; `run-all.sh` copies it).\n\n");
    }
    Path fuzzJson = folder.resolve("fuzz.json");
    Path fuzzText = folder.resolve("fuzz.txt");
    if (Files.exists(fuzzJson)) {
      md.append("Fuzz (`fuzz.json`, from `infra/bench/run-fuzz.sh`):\n\n```\n");
      flatten("", new ObjectMapper().readTree(fuzzJson.toFile()), md, new int[] {0});
      md.append("```\n");
    } else if (Files.exists(fuzzText)) {
      List<String> lines =
          Files.readAllLines(fuzzText).stream()
              .filter(l -> l.startsWith("fuzz: ") || l.startsWith("TOTAL") || l.contains("jazzer"))
              .limit(MAX_LINES)
              .toList();
      md.append("Fuzz (from `infra/bench/run-fuzz.sh`'s output):\n\n```\n")
          .append(String.join("\n", lines))
          .append("\n```\n");
    } else {
      md.append("Fuzz: not run into this folder (`infra/bench/run-fuzz.sh`; keep its output as")
          .append(" `infra/bench/target/fuzz.txt` for `run-all.sh` to copy).\n");
    }
    return md.toString();
  }

  /** Every leaf as {@code path: value}, one a line, at most {@link #MAX_LINES}. */
  private static void flatten(String path, JsonNode node, StringBuilder md, int[] lines) {
    if (lines[0] >= MAX_LINES) {
      return;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), md, lines);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), md, lines);
      }
    } else {
      md.append(path).append(": ").append(node.asText()).append('\n');
      if (++lines[0] == MAX_LINES) {
        md.append("… (more in the file)\n");
      }
    }
  }
}
