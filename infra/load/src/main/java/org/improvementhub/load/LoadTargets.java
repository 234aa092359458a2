package org.improvementhub.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * What the load is sent to, as {@code infra/bench} wrote it after provisioning the councils ({@code
 * -Dload.targets=<file>}): the services' addresses, a DfE observer's token, and per council a
 * reader's and a programme manager's token, its programme, its actions' and measures' ids and a
 * signed-in portal session. The file holds live tokens, so it stays under {@code target/}.
 */
public record LoadTargets(
    Map<String, String> services, String observer, List<Council> councils, List<String> periods) {

  /** One provisioned council and the ids the requests pick from. */
  public record Council(
      String slug,
      String reader,
      String writer,
      String programme,
      List<String> actions,
      List<String> measures,
      String portalSession) {}

  private static final String[] REPORTED_RAG = {"GREEN", "GREEN", "AMBER", "RED"};

  public static LoadTargets fromSystemProperty() {
    String file = System.getProperty("load.targets");
    if (file == null) {
      throw new IllegalStateException(
          "-Dload.targets=<file> is required: infra/bench writes it (run-soak.sh, run-all.sh)");
    }
    return read(Path.of(file));
  }

  static LoadTargets read(Path file) {
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      Map<String, String> services = new HashMap<>();
      root.path("services")
          .fields()
          .forEachRemaining(e -> services.put(e.getKey(), e.getValue().asText()));
      List<Council> councils = new ArrayList<>();
      for (JsonNode c : root.path("councils")) {
        councils.add(
            new Council(
                c.path("slug").asText(),
                c.path("reader").asText(),
                c.path("writer").asText(),
                c.path("programme").asText(),
                texts(c.path("actions")),
                texts(c.path("measures")),
                c.path("portalSession").asText()));
      }
      if (councils.isEmpty()) {
        throw new IllegalStateException(file + " names no councils");
      }
      return new LoadTargets(
          Map.copyOf(services),
          root.path("observer").asText(),
          councils,
          texts(root.path("periods")));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the load targets " + file, e);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }

  /**
   * An endless feeder: each arrival gets a council, an action, a page of its action list, a
   * measure, a period and a RAG drawn at random, and the addresses and tokens to use them.
   */
  public Iterator<Map<String, Object>> feeder() {
    return Stream.generate(this::draw).iterator();
  }

  private Map<String, Object> draw() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Council council = councils.get(random.nextInt(councils.size()));
    Map<String, Object> session = new HashMap<>(services);
    session.put("observer", observer);
    session.put("council", council.slug());
    session.put("reader", council.reader());
    session.put("writer", council.writer());
    session.put("programme", council.programme());
    session.put("action", council.actions().get(random.nextInt(council.actions().size())));
    session.put("page", random.nextInt(Math.max(1, council.actions().size() / 100)));
    session.put(
        "measure",
        council.measures().isEmpty()
            ? "none"
            : council.measures().get(random.nextInt(council.measures().size())));
    session.put("portalSession", council.portalSession());
    session.put("period", periods.get(random.nextInt(periods.size())));
    session.put("rag", REPORTED_RAG[random.nextInt(REPORTED_RAG.length)]);
    session.put("value", String.valueOf(random.nextInt(20, 95)));
    return session;
  }
}
