package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.improvementhub.notifications.OverdueEvents.Overdue;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service's own SMTP server, on ports chosen here, is down when the first email is due: the
 * email waits and is retried with back-off, and arrives once when the server is back. A mailbox the
 * server refuses with 550 is recorded as failed at once and does not hold up the next email.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmtpFaultsIT implements TestPropertyProvider {

  /** "Today" is Wednesday 10 April 2030; the actions were due the Friday before. */
  private static final LocalDate DUE = LocalDate.of(2030, 4, 5);

  private final int smtpPort = freePort();
  private final int imapPort = freePort();
  private final HubTestProperties properties =
      HubTestProperties.freshDatabase()
          .with("hub.test.clock-offset", FixedClockFactory.offsetTo("2030-04-10T09:00:00Z"))
          .with("javamail.properties.mail.smtp.host", "127.0.0.1")
          .with("javamail.properties.mail.smtp.port", String.valueOf(smtpPort))
          .with("hub.notifications.dispatch.interval", "100ms")
          .with("hub.notifications.retry.first-delay", "200ms")
          .with("hub.notifications.retry.max-delay", "1s")
          .with("hub.notifications.retry.max-attempts", "100");
  private final String council = TestCouncils.uniqueSlug("walsall");
  private final String admin = TestTokens.shared().councilUser(council, "COUNCIL_ADMIN");

  @Inject EmbeddedServer server;
  private HubApi api;
  private RefusingMailServer mailServer;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  void provision() {
    api = new HubApi(server.getURL().toString());
    TestCouncils.provision(properties.database(), council, "Walsall Council", 335);
    api.awaitGet(log(), admin, r -> r.status() == 200, Duration.ofSeconds(30));
  }

  @AfterAll
  void stopMailServer() {
    if (mailServer != null) {
      mailServer.close();
    }
  }

  private String log() {
    return "/councils/" + council + "/email-deliveries";
  }

  @Test
  @Order(1)
  void anEmailDueWhileTheServerIsDownArrivesOnceItIsBack() {
    String lead = OverdueEvents.uniqueAddress("kim");
    Overdue.of(council, "1.1.1", lead, DUE).publish();

    JsonNode waiting =
        awaitEntry(lead, d -> d.get("status").asText().equals("QUEUED") && attempts(d) >= 3);
    assertThat(waiting.get("lastError").asText()).containsIgnoringCase("connect");
    assertThat(waiting.hasNonNull("sentAt")).isFalse();

    mailServer = RefusingMailServer.startOn("127.0.0.1", smtpPort, imapPort);
    Mailboxes mail = new Mailboxes(mailServer.endpoint());
    assertThat(mail.await(lead, 1)).hasSize(1);

    JsonNode sent = awaitEntry(lead, d -> d.get("status").asText().equals("SENT"));
    assertThat(attempts(sent)).isGreaterThan(attempts(waiting));
    assertThat(sent.hasNonNull("lastError")).isFalse();
    assertThat(sent.hasNonNull("sentAt")).isTrue();
    assertThat(mail.read(lead)).hasSize(1);
  }

  @Test
  @Order(2)
  void aPermanentRefusalIsRecordedAsFailedAndTheNextEmailStillGoes() {
    String refused = OverdueEvents.uniqueAddress(RefusingMailServer.UNKNOWN_MAILBOX);
    String lead = OverdueEvents.uniqueAddress("lee");
    Overdue.of(council, "2.1.1", refused, DUE).publish();
    Overdue.of(council, "2.1.2", lead, DUE).publish();

    JsonNode failed = awaitEntry(refused, d -> d.get("status").asText().equals("FAILED"));
    assertThat(failed.get("lastError").asText()).contains("550 5.1.1");
    assertThat(attempts(failed)).isEqualTo(1);

    Mailboxes mail = new Mailboxes(mailServer.endpoint());
    assertThat(mail.await(lead, 1)).hasSize(1);
    assertThat(awaitEntry(lead, d -> d.get("status").asText().equals("SENT"))).isNotNull();
    assertThat(mail.read(refused)).isEmpty();
  }

  private static int attempts(JsonNode delivery) {
    return delivery.get("attempts").asInt();
  }

  /** The log's one entry for {@code recipient}, once it satisfies {@code done}. */
  private JsonNode awaitEntry(String recipient, Predicate<JsonNode> done) {
    return StreamSupport.stream(
            api.awaitGet(
                    log(),
                    admin,
                    r -> r.status() == 200 && entry(r.json(), recipient, done),
                    Duration.ofSeconds(30))
                .json()
                .spliterator(),
            false)
        .filter(d -> d.get("recipient").asText().equals(recipient))
        .findFirst()
        .orElseThrow();
  }

  private static boolean entry(JsonNode log, String recipient, Predicate<JsonNode> done) {
    return StreamSupport.stream(log.spliterator(), false)
        .filter(d -> d.get("recipient").asText().equals(recipient))
        .anyMatch(done);
  }
}
