package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.improvementhub.notifications.OverdueEvents.Overdue;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.improvementhub.testsupport.mail.MailInbox.ReceivedMail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An overdue action's lead gets exactly one email, over real Kafka, PostgreSQL and SMTP, whatever
 * the number of events about the same action and due date; the delivery log shows it sent.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueEmailIT implements TestPropertyProvider {

  /** 10 a.m. in the UK on 10 April 2030: an action due on 31 March is 10 days overdue. */
  private static final String NOW = "2030-04-10T09:00:00Z";

  private static final LocalDate DUE = LocalDate.of(2030, 3, 31);

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase()
          .with("hub.test.fixed-clock", NOW)
          .with("hub.notifications.dispatch.interval", "200ms");
  private final String council = bed.council("peterborough", "Peterborough City Council", 874);
  private final String admin = bed.token(council, "COUNCIL_ADMIN");
  private final Mailboxes mail = Mailboxes.shared();

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/email-deliveries");
  }

  private String log() {
    return "/councils/" + council + "/email-deliveries";
  }

  @Test
  void theLeadIsEmailedOnceWhateverTheNumberOfEvents() {
    String lead = OverdueEvents.uniqueAddress("alex");
    Overdue overdue = Overdue.of(council, "2.1.3", lead, DUE);
    UUID eventId = UUID.randomUUID();

    overdue.publish(eventId);
    List<ReceivedMail> first = mail.await(lead, 1);
    assertThat(first).hasSize(1);
    ReceivedMail email = first.get(0);
    assertThat(email.subject())
        .isEqualTo("Overdue: action 2.1.3 — Recruit permanent social workers");
    assertThat(email.body())
        .contains("Peterborough City Council")
        .contains("2.1.3")
        .contains("Recruit permanent social workers")
        .contains("31 March 2030")
        .contains("10 days")
        .contains("Amber");
    assertThat(email.from()).contains("improvement-hub@improvementhub.local");
    assertThat(email.messageId()).matches("<[0-9a-f]{40}@improvementhub\\.local>");

    // The same event again, another event about the same action and due date, and an action
    // created that is not due for months: none may email anyone.
    overdue.publish(eventId);
    overdue.withTitle("Recruit permanent social workers (renamed)").publish();
    String created =
        """
        {"actionId":"%s","ref":"2.1.4","title":"Audit plans","leadName":"Alex Lead",\
        "leadEmail":"%s","dueDate":"2030-09-01","ragStatus":"GREEN"}"""
            .formatted(UUID.randomUUID(), lead);
    TestKafka.shared()
        .publish(
            OverdueEvents.TOPIC,
            council,
            TestCouncils.envelope("ActionCreated", council, "created", created));

    // A different lead's action, published last: once it has arrived, every earlier event on the
    // council's partition has been handled.
    String otherLead = OverdueEvents.uniqueAddress("sam");
    Overdue other =
        Overdue.of(council, "3.2.1", otherLead, DUE.minusDays(1)).withLead("Sam Lead", otherLead);
    other.publish();
    List<ReceivedMail> othersMail = mail.await(otherLead, 1);
    assertThat(othersMail).hasSize(1);
    assertThat(othersMail.get(0).subject()).startsWith("Overdue: action 3.2.1");
    assertThat(othersMail.get(0).body()).contains("Sam Lead").contains("11 days");

    List<JsonNode> deliveries = awaitSent(lead, otherLead);
    assertThat(deliveries).hasSize(2);
    assertThat(mail.read(lead)).hasSize(1);
    assertThat(mail.read(otherLead)).hasSize(1);

    JsonNode alexs = deliveries.stream().filter(d -> to(d, lead)).findFirst().orElseThrow();
    assertThat(alexs.get("status").asText()).isEqualTo("SENT");
    assertThat(alexs.get("kind").asText()).isEqualTo("OVERDUE");
    assertThat(alexs.get("actionRef").asText()).isEqualTo("2.1.3");
    assertThat(alexs.get("actionId").asText()).isEqualTo(overdue.actionId().toString());
    assertThat(alexs.get("dueDate").asText()).isEqualTo("2030-03-31");
    assertThat(alexs.get("attempts").asInt()).isEqualTo(1);
    assertThat(alexs.get("sentAt").asText()).isEqualTo(NOW);
    assertThat(alexs.get("createdAt").asText()).isEqualTo(NOW);
    assertThat(alexs.has("bodyText")).isFalse();
    assertThat(alexs.has("bodyHtml")).isFalse();
    assertThat(alexs.toString()).doesNotContain("Recruit permanent");
  }

  @Test
  void theHtmlPartEscapesWhatTheCouncilTyped() {
    String lead = OverdueEvents.uniqueAddress("jo");
    Overdue.of(council, "4.1.1", lead, DUE).withTitle("Fix <b>all</b> & more").publish();
    ReceivedMail email = mail.await(lead, 1).get(0);
    assertThat(email.subject()).isEqualTo("Overdue: action 4.1.1 — Fix <b>all</b> & more");
    assertThat(email.body()).contains("Fix &lt;b&gt;all&lt;/b&gt; &amp; more");
    assertThat(email.body()).contains("Fix <b>all</b> & more");
  }

  private static boolean to(JsonNode delivery, String recipient) {
    return delivery.get("recipient").asText().equals(recipient);
  }

  /** The log's entries for {@code recipients}, once there is one for each and all are sent. */
  private List<JsonNode> awaitSent(String... recipients) {
    List<String> wanted = List.of(recipients);
    ApiResponse log =
        api.awaitGet(
            log(),
            admin,
            r ->
                r.status() == 200
                    && entriesFor(r.json(), wanted).stream()
                        .map(d -> d.get("recipient").asText())
                        .collect(Collectors.toSet())
                        .containsAll(wanted)
                    && entriesFor(r.json(), wanted).stream()
                        .allMatch(d -> d.get("status").asText().equals("SENT")),
            Duration.ofSeconds(30));
    return entriesFor(log.json(), wanted);
  }

  private static List<JsonNode> entriesFor(JsonNode log, List<String> recipients) {
    return StreamSupport.stream(log.spliterator(), false)
        .filter(d -> recipients.contains(d.get("recipient").asText()))
        .toList();
  }

  @Test
  void theLogIsForThoseWhoRunTheProgramme() {
    ApiResponse manager = api.get(log(), bed.token(council, "PROGRAMME_MANAGER"));
    assertThat(manager.status()).isEqualTo(200);
    ApiResponse lead = api.get(log(), bed.token(council, "ACTION_LEAD"));
    assertThat(lead.status()).isEqualTo(403);
    assertThat(lead.isProblem()).isTrue();
    ApiResponse tooMany = api.get(log() + "?limit=0", admin);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.isProblem()).isTrue();
  }
}
