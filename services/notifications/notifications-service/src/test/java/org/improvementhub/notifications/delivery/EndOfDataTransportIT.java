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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender's record is written before a real SMTP server is told a message is complete and
 * committed right after; a record that cannot be written kills the message.
 */
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
  void theRecordIsWrittenBeforeTheMessageIsCompleteAndCommittedBeforeTheReplyIsRead()
      throws Exception {
    List<String> steps = new ArrayList<>();
    try (SmtpConnection connection = new SmtpConnection(session)) {
      connection.send(
          message("lead@walsall.test"),
          record(
              () -> steps.add("write, server holds " + server.getReceivedMessages().length),
              () -> steps.add("commit")));
    }
    assertThat(steps).containsExactly("write, server holds 0", "commit");
    assertThat(server.getReceivedMessages()).hasSize(1);
  }

  @Test
  void theIntervalInWhichACrashWouldSendTheEmailTwiceIsMeasuredAcrossTheCommit() throws Exception {
    long commitTook;
    long window;
    try (SmtpConnection connection = new SmtpConnection(session)) {
      long[] commit = new long[1];
      window =
          connection.send(
              message("lead@walsall.test"),
              record(
                  () -> {},
                  () -> {
                    long began = System.nanoTime();
                    // a commit that takes a while, as one in a loaded database would
                    LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                    commit[0] = System.nanoTime() - began;
                  }));
      commitTook = commit[0];
    }
    // from before the "." to after the commit: never less than the commit itself, and it ends
    // before the server's reply is read (well under a second on this machine's own server)
    assertThat(window).isGreaterThanOrEqualTo(commitTook).isPositive();
    assertThat(server.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aRecordThatCannotBeWrittenLeavesTheServerWithNothing() throws Exception {
    List<String> steps = new ArrayList<>();
    try (SmtpConnection connection = new SmtpConnection(session)) {
      assertThatThrownBy(
              () ->
                  connection.send(
                      message("lead@walsall.test"),
                      record(
                          () -> {
                            throw new IllegalStateException("database away");
                          },
                          () -> steps.add("commit"))))
          .isInstanceOf(MessagingException.class)
          .hasMessageContaining("not completed");
    }
    assertThat(steps).isEmpty();
    assertThat(server.waitForIncomingEmail(1_000, 1)).isFalse();
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void aRecordThatCannotBeCommittedIsReportedSoTheEmailIsSentAgainNeverLost() throws Exception {
    try (SmtpConnection connection = new SmtpConnection(session)) {
      assertThatThrownBy(
              () ->
                  connection.send(
                      message("lead@walsall.test"),
                      record(
                          () -> {},
                          () -> {
                            throw new IllegalStateException("database gone at commit");
                          })))
          .isInstanceOf(MessagingException.class)
          .hasMessageContaining("sent again");
    }
    // the server was told the message was complete: it has it, and the caller will retry it
    assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
  }

  @Test
  void theNextEmailOnTheSameConnectionIsRecordedOnItsOwn() throws Exception {
    List<String> recorded = new ArrayList<>();
    try (SmtpConnection connection = new SmtpConnection(session)) {
      connection.send(message("first@walsall.test"), record(() -> {}, () -> recorded.add("first")));
      connection.send(
          message("second@walsall.test"), record(() -> {}, () -> recorded.add("second")));
    }
    assertThat(recorded).containsExactly("first", "second");
    assertThat(server.getReceivedMessages()).hasSize(2);
  }

  private static SentRecord record(Runnable write, Runnable commit) {
    return new SentRecord() {
      @Override
      public void write() {
        write.run();
      }

      @Override
      public void commit() {
        commit.run();
      }
    };
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
