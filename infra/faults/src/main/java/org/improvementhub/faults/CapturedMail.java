package org.improvementhub.faults;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.improvementhub.testsupport.infra.MailEndpoint;

/**
 * An SMTP server on a fixed port that can be taken away and brought back, keeping count of every
 * message it accepted across its lives (a restarted GreenMail starts empty).
 */
final class CapturedMail implements AutoCloseable {

  private final ServerSetup setup;
  private final List<ReceivedEmail> earlierLives = new ArrayList<>();
  private GreenMail server;

  private CapturedMail(int port) {
    this.setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
  }

  static CapturedMail startOn(int port) {
    CapturedMail mail = new CapturedMail(port);
    mail.start();
    return mail;
  }

  MailEndpoint endpoint() {
    // no IMAP: the harness reads what arrived in-process
    return new MailEndpoint(setup.getBindAddress(), setup.getPort(), 0);
  }

  synchronized void start() {
    if (server == null) {
      server = new GreenMail(setup);
      server.start();
    }
  }

  /** Takes the server away: connections are refused until {@link #start()}. */
  synchronized void stop() {
    if (server != null) {
      // stopped first, read after: a message accepted between a read and the stop would be lost
      // from the count
      server.stop();
      earlierLives.addAll(read(server));
      server = null;
    }
  }

  /** Every email accepted so far, in every life of the server. */
  synchronized List<ReceivedEmail> received() {
    List<ReceivedEmail> all = new ArrayList<>(earlierLives);
    if (server != null) {
      all.addAll(read(server));
    }
    return all;
  }

  private static List<ReceivedEmail> read(GreenMail server) {
    List<ReceivedEmail> emails = new ArrayList<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      try {
        for (var to : message.getRecipients(Message.RecipientType.TO)) {
          emails.add(
              new ReceivedEmail(to.toString(), message.getSubject(), message.getMessageID()));
        }
      } catch (MessagingException e) {
        throw new IllegalStateException("GreenMail kept a message it cannot read", e);
      }
    }
    return emails;
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** One accepted email, as its recipient got it. */
  record ReceivedEmail(String recipient, String subject, String messageId) {}
}
