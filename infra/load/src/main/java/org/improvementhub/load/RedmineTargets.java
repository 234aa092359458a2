package org.improvementhub.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * What {@link RedmineReadMix} reads: the anchor's read paths ({@code kind,council,part,parts,url},
 * written by {@code infra/bench/anchor/read_paths.py}) and the API key, named by a small JSON file
 * ({@code {"paths": "<csv>", "apiKey": "<key>"}}) that the bench writes under {@code target/}.
 */
public record RedmineTargets(
    String apiKey, List<String> lists, List<List<String>> trees, List<String> issues) {

  public static RedmineTargets fromSystemProperty() {
    String file = System.getProperty("load.targets");
    if (file == null) {
      throw new IllegalStateException("-Dload.targets=<file> is required (infra/bench writes it)");
    }
    return read(Path.of(file));
  }

  static RedmineTargets read(Path file) {
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      return fromCsv(
          root.path("apiKey").asText(), Files.readAllLines(Path.of(root.path("paths").asText())));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the Redmine targets " + file, e);
    }
  }

  /** From the CSV's lines (a header first): a tree is every {@code tree} row of one council. */
  static RedmineTargets fromCsv(String apiKey, List<String> lines) {
    List<String> lists = new ArrayList<>();
    List<String> issues = new ArrayList<>();
    Map<String, TreeMap<Integer, String>> trees = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      // the URL is the last column and holds no comma; the others are plain words and numbers
      String[] cells = line.split(",", 5);
      switch (cells[0]) {
        case "list" -> lists.add(cells[4]);
        case "issue" -> issues.add(cells[4]);
        case "tree" ->
            trees
                .computeIfAbsent(cells[1], c -> new TreeMap<>())
                .put(Integer.parseInt(cells[2]), cells[4]);
        default -> throw new IllegalArgumentException("unknown kind in read paths: " + line);
      }
    }
    if (lists.isEmpty() || issues.isEmpty() || trees.isEmpty() || apiKey.isBlank()) {
      throw new IllegalStateException("the read paths need list, tree and issue rows and a key");
    }
    List<List<String>> pages = new ArrayList<>();
    trees.values().forEach(t -> pages.add(List.copyOf(t.values())));
    return new RedmineTargets(apiKey, List.copyOf(lists), List.copyOf(pages), List.copyOf(issues));
  }

  /** An endless feeder: a list page, a whole plan's pages and an issue, drawn at random. */
  public Iterator<Map<String, Object>> feeder() {
    return Stream.generate(this::draw).iterator();
  }

  private Map<String, Object> draw() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Map<String, Object> session = new HashMap<>();
    session.put("list", lists.get(random.nextInt(lists.size())));
    session.put("treePages", trees.get(random.nextInt(trees.size())));
    session.put("issue", issues.get(random.nextInt(issues.size())));
    return session;
  }
}
