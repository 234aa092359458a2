package org.improvementhub.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender's record runs before a real SMTP server completes a message, or the message dies. */
class EndOfDataTransportIT {

  private GreenMail server;
  private Session session;

  @BeforeEach
  void start() {
    server = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));
    server.start();
    Properties settings = new Properties();
    settings.setProperty("mail.smtp.host", "127.0.0.1");
    settings.setProperty("mail.smtp.port", String.valueOf(server.getSmtp().getPort()));
    session = Session.getInstance(settings);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void theRecordIsMadeWhileTheServerStillHoldsAnIncompleteMessage() throws Exception {
    List<Integer> completeWhenRecorded = new ArrayList<>();
    try (SmtpConnection connection = new SmtpConnection(session)) {
      connection.send(
          message("lead@walsall.test"),
          () -> completeWhenRecorded.add(server.getReceivedMessages().length));
    }
    assertThat(completeWhenRecorded).containsExactly(0);
    assertThat(server.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aRecordThatFailsLeavesTheServerWithNothing() throws Exception {
    try (SmtpConnection connection = new SmtpConnection(session)) {
      assertThatThrownBy(
              () ->
                  connection.send(
                      message("lead@walsall.test"),
                      () -> {
                        throw new IllegalStateException("database away");
                      }))
          .isInstanceOf(MessagingException.class)
          .hasMessageContaining("not completed");
    }
    assertThat(server.waitForIncomingEmail(1_000, 1)).isFalse();
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void theNextEmailOnTheSameConnectionIsRecordedOnItsOwn() throws Exception {
    List<String> recorded = new ArrayList<>();
    try (SmtpConnection connection = new SmtpConnection(session)) {
      connection.send(message("first@walsall.test"), () -> recorded.add("first"));
      connection.send(message("second@walsall.test"), () -> recorded.add("second"));
    }
    assertThat(recorded).containsExactly("first", "second");
    assertThat(server.getReceivedMessages()).hasSize(2);
  }

  private MimeMessage message(String to) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("improvement-hub@improvementhub.local"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject("Overdue: action 2.1.3");
    message.setText("Action 2.1.3 was due on 31 March.");
    message.saveChanges();
    return message;
  }
}
