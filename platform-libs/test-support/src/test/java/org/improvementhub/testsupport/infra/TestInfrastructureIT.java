package org.improvementhub.testsupport.infra;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Properties;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.improvementhub.testsupport.mail.MailInbox;
import org.junit.jupiter.api.Test;

/**
 * The shared servers answer: SQL on a fresh database, a produce/consume round trip, SMTP to IMAP.
 */
class TestInfrastructureIT {

  private final TestInfrastructure infra = TestInfrastructure.shared();

  @Test
  void freshDatabasesAreSeparateAndRunPostgres17() throws Exception {
    PostgresEndpoint first = infra.freshDatabase();
    PostgresEndpoint second = infra.freshDatabase();
    assertThat(first.database()).isNotEqualTo(second.database());
    try (Connection connection =
            DriverManager.getConnection(first.jdbcUrl(), first.user(), first.password());
        ResultSet version = connection.createStatement().executeQuery("SHOW server_version")) {
      version.next();
      assertThat(version.getString(1)).startsWith("17");
    }
  }

  @Test
  void kafkaDeliversWhatWasPublished() {
    TestKafka.shared().publish("test.roundtrip.v1", "walsall", "{\"hello\":1}");
    assertThat(TestKafka.shared().read("test.roundtrip.v1", "walsall", Duration.ofSeconds(5)))
        .contains("{\"hello\":1}");
  }

  @Test
  void mailSentOverSmtpIsReadOverImap() throws Exception {
    MailEndpoint mail = infra.mail();
    Properties props = new Properties();
    props.put("mail.smtp.host", mail.host());
    props.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
    Session session = Session.getInstance(props);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("hub@improvementhub.test"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress("lead@walsall.example"));
    message.setSubject("Action 2.1.3 is overdue");
    message.setText("Due 1 March");
    Transport.send(message);

    var received = new MailInbox(mail).read("lead@walsall.example");
    assertThat(received)
        .extracting(MailInbox.ReceivedMail::subject)
        .contains("Action 2.1.3 is overdue");
  }
}
