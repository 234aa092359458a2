package org.improvementhub.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.improvementhub.testsupport.http.HubApi;

/** A council's email delivery log, read through the API as its admin reads it. */
final class DeliveryLog {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final HubApi api;
  private final String path;
  private final String admin;

  DeliveryLog(HubApi api, String council, String admin) {
    this.api = api;
    this.path = "/councils/" + council + "/email-deliveries?limit=1000";
    this.admin = admin;
  }

  /** The log's entries for {@code recipient}, now. */
  List<JsonNode> entriesFor(String recipient) {
    return entriesFor(api.get(path, admin).json(), recipient);
  }

  /** The entries for {@code recipient} once, together, they satisfy {@code done}. */
  List<JsonNode> awaitEntries(String recipient, Predicate<List<JsonNode>> done) {
    Predicate<JsonNode> satisfied = log -> done.test(entriesFor(log, recipient));
    return entriesFor(awaitLog(satisfied), recipient);
  }

  /** The first entry for {@code recipient} that satisfies {@code done}, once there is one. */
  JsonNode awaitEntry(String recipient, Predicate<JsonNode> done) {
    Predicate<JsonNode> satisfied = log -> entriesFor(log, recipient).stream().anyMatch(done);
    return entriesFor(awaitLog(satisfied), recipient).stream().filter(done).findFirst().get();
  }

  /** The whole log once it holds {@code count} sent emails. */
  JsonNode awaitSent(long count) {
    return awaitLog(log -> countSent(log) == count);
  }

  /** The whole log once {@code done}. */
  JsonNode awaitLog(Predicate<JsonNode> done) {
    return api.awaitGet(path, admin, r -> r.status() == 200 && done.test(r.json()), WAIT).json();
  }

  static long countSent(JsonNode log) {
    return StreamSupport.stream(log.spliterator(), false).filter(d -> hasStatus(d, "SENT")).count();
  }

  static boolean hasStatus(JsonNode entry, String status) {
    return entry.get("status").asText().equals(status);
  }

  static int attempts(JsonNode entry) {
    return entry.get("attempts").asInt();
  }

  private static List<JsonNode> entriesFor(JsonNode log, String recipient) {
    return StreamSupport.stream(log.spliterator(), false)
        .filter(d -> d.get("recipient").asText().equals(recipient))
        .toList();
  }
}
