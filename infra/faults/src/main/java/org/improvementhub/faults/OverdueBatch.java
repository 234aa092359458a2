package org.improvementhub.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.improvementhub.faults.CapturedMail.ReceivedEmail;
import org.improvementhub.localstack.HubService;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;

/**
 * {@code size} overdue actions, each with a lead of its own whom no other batch uses, so that every
 * lead must receive exactly one overdue email. Made through the public APIs, as a council would.
 */
final class OverdueBatch {

  private final String council;
  private final String manager;
  private final int number;
  private final List<String> leads;

  private OverdueBatch(String council, String manager, int number, List<String> leads) {
    this.council = council;
    this.manager = manager;
    this.number = number;
    this.leads = leads;
  }

  /** A batch in a new council of its own, active in every service. */
  static OverdueBatch create(FaultStack stack, int size) {
    return in(FaultCouncil.create(stack), 1, size);
  }

  /**
   * Batch {@code number} of {@code council}: its refs and leads are its own, so several batches can
   * share a council (making a council per batch migrates a schema in every service, and each
   * restart of notifications then has one more council to check).
   */
  static OverdueBatch in(FaultCouncil council, int number, int size) {
    List<String> leads = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      leads.add("lead-" + number + "-" + i + "@" + council.council() + ".faults.test");
    }
    return new OverdueBatch(council.council(), council.manager(), number, List.copyOf(leads));
  }

  /**
   * Creates the actions, already overdue: notifications learns of them from plans' events and sends
   * their overdue emails from here on.
   */
  void createActions(FaultStack stack) {
    HubApi plans = stack.api(HubService.PLANS);
    for (int i = 1; i <= leads.size(); i++) {
      expect(
          plans.post(
              "/councils/" + council + "/actions",
              manager,
              ("{\"ref\":\"%d.%d\",\"title\":\"Audit of child protection plans %d\","
                      + "\"lead\":{\"name\":\"Lead %d\",\"email\":\"%s\"},"
                      + "\"dueDate\":\"%s\",\"ragStatus\":\"AMBER\"}")
                  .formatted(number, i, i, i, leads.get(i - 1), LocalDate.now().minusDays(3))),
          201);
    }
  }

  /** Asks plans to look for overdue actions too, as its daily scan would. */
  void scan(FaultStack stack) {
    expect(
        stack.api(HubService.PLANS).post("/councils/" + council + "/overdue-scans", manager, ""),
        200);
  }

  int size() {
    return leads.size();
  }

  /** What the mail server has received so far for this batch's overdue emails. */
  Delivered delivered(CapturedMail mail) {
    Set<String> expected = new HashSet<>(leads);
    Map<String, Integer> copies = new HashMap<>();
    Set<String> reachedLeads = new HashSet<>();
    for (ReceivedEmail email : mail.received()) {
      if (expected.contains(email.recipient()) && email.subject().startsWith("Overdue:")) {
        copies.merge(email.messageId(), 1, Integer::sum);
        reachedLeads.add(email.recipient());
      }
    }
    int duplicates = copies.values().stream().mapToInt(count -> count - 1).sum();
    // a lead with two different overdue emails would be a duplicate too, under another Message-ID
    int extraMessages = copies.size() - reachedLeads.size();
    return new Delivered(
        leads.size(),
        reachedLeads.size(),
        duplicates + extraMessages,
        copies.values().stream().mapToInt(Integer::intValue).sum());
  }

  /**
   * What went wrong, for a failure message: the leads the mail server has not seen, and the
   * service's own delivery log for them.
   */
  String diagnosis(FaultStack stack) {
    Set<String> missing = new HashSet<>(leads);
    for (ReceivedEmail email : stack.mail().received()) {
      missing.remove(email.recipient());
    }
    ApiResponse log =
        stack
            .api(HubService.NOTIFICATIONS)
            .get("/councils/" + council + "/email-deliveries?limit=1000", manager);
    StringBuilder text = new StringBuilder(delivered(stack.mail()).toString());
    text.append("; not received by ").append(missing).append("; their deliveries: ");
    if (log.status() != 200) {
      return text.append("delivery log answered ").append(log.status()).toString();
    }
    log.json()
        .forEach(
            delivery -> {
              if (missing.contains(delivery.path("recipient").asText())) {
                text.append(delivery).append(' ');
              }
            });
    text.append("(").append(log.json().size()).append(" deliveries logged)");
    return text.toString();
  }

  /**
   * Every lead who received more than one overdue email, explained: whether the copies share their
   * Message-ID (the same delivery sent twice) or not (a second delivery), when each copy was
   * accepted relative to {@code killedAt}, its place among the batch's first arrivals, and the
   * service's delivery row for the lead.
   */
  List<Duplicate> duplicates(FaultStack stack, Instant killedAt) {
    Set<String> expected = new HashSet<>(leads);
    Map<String, List<ReceivedEmail>> byLead = new TreeMap<>();
    for (ReceivedEmail email : stack.mail().received()) {
      if (expected.contains(email.recipient()) && email.subject().startsWith("Overdue:")) {
        byLead.computeIfAbsent(email.recipient(), lead -> new ArrayList<>()).add(email);
      }
    }
    if (byLead.values().stream().allMatch(copies -> copies.size() < 2)) {
      return List.of();
    }
    List<Instant> firstArrivals =
        byLead.values().stream()
            .map(
                copies ->
                    copies.stream()
                        .map(ReceivedEmail::acceptedAt)
                        .min(Comparator.naturalOrder())
                        .orElseThrow())
            .sorted()
            .toList();
    ApiResponse log =
        stack
            .api(HubService.NOTIFICATIONS)
            .get("/councils/" + council + "/email-deliveries?limit=1000", manager);
    List<Duplicate> duplicates = new ArrayList<>();
    byLead.forEach(
        (lead, copies) -> {
          if (copies.size() < 2) {
            return;
          }
          List<ReceivedEmail> inOrder =
              copies.stream().sorted(Comparator.comparing(ReceivedEmail::acceptedAt)).toList();
          List<String> rows = new ArrayList<>();
          if (log.status() == 200) {
            log.json()
                .forEach(
                    delivery -> {
                      if (lead.equals(delivery.path("recipient").asText())) {
                        rows.add(delivery.toString());
                      }
                    });
          } else {
            rows.add("delivery log answered " + log.status());
          }
          duplicates.add(
              new Duplicate(
                  lead,
                  inOrder.stream().map(ReceivedEmail::messageId).distinct().toList(),
                  inOrder.stream()
                      .map(copy -> Duration.between(killedAt, copy.acceptedAt()).toMillis())
                      .toList(),
                  firstArrivals.indexOf(inOrder.get(0).acceptedAt()) + 1,
                  rows));
        });
    return duplicates;
  }

  /**
   * One lead's extra copies.
   *
   * @param messageIds the distinct Message-IDs of the copies (one: the same email sent twice)
   * @param acceptedMillisAfterKill when each copy was accepted, in ms after the kill (negative:
   *     before it)
   * @param arrival the first copy's place among the batch's first arrivals (1 = first)
   * @param deliveries the service's delivery rows for the lead, as its log shows them
   */
  record Duplicate(
      String recipient,
      List<String> messageIds,
      List<Long> acceptedMillisAfterKill,
      int arrival,
      List<String> deliveries) {

    boolean sameMessageId() {
      return messageIds.size() == 1;
    }

    @Override
    public String toString() {
      return recipient
          + ": "
          + acceptedMillisAfterKill.size()
          + " copies, "
          + (sameMessageId() ? "same Message-ID " : "different Message-IDs ")
          + messageIds
          + ", accepted at "
          + acceptedMillisAfterKill
          + " ms after the kill, first copy the "
          + arrival
          + ". of the batch to arrive; delivery "
          + deliveries;
    }
  }

  private static void expect(ApiResponse response, int status) {
    FaultCouncil.expect(response, status);
  }

  /**
   * What reached the mail server for a batch.
   *
   * @param expected one per lead
   * @param reached leads who received their email at least once
   * @param duplicates emails received beyond one per lead
   * @param received every accepted copy
   */
  record Delivered(int expected, int reached, int duplicates, int received) {
    int lost() {
      return expected - reached;
    }

    boolean complete() {
      return reached == expected;
    }
  }
}
