package org.improvementhub.faults;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.testsupport.infra.MailEndpoint;

/**
 * An SMTP server on a fixed port that can be taken away and brought back, keeping count of every
 * message it accepted across its lives (a restarted GreenMail starts empty).
 */
final class CapturedMail implements AutoCloseable {

  private final ServerSetup setup;
  private final List<ReceivedEmail> earlierLives = new ArrayList<>();
  // The harness reads what arrived every few milliseconds, and a bench's server holds thousands of
  // messages by the end: each is read once (GreenMail hands back the same message objects), not
  // on every look, or the harness itself would take a core from the services it measures.
  private final Map<MimeMessage, List<ReceivedEmail>> alreadyRead = new IdentityHashMap<>();
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
      alreadyRead.clear();
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

  /**
   * How many messages the running server holds: cheap enough to spin on (no message is read), for a
   * kill aimed at the moment a message is accepted.
   */
  int stored() {
    GreenMail running;
    synchronized (this) {
      running = server;
    }
    return running == null ? 0 : running.getManagers().getImapHostManager().getAllMessages().size();
  }

  private List<ReceivedEmail> read(GreenMail server) {
    List<ReceivedEmail> emails = new ArrayList<>();
    // the stored messages rather than getReceivedMessages(): they carry the moment each was
    // accepted, which tells a copy accepted just before a kill from one sent after the restart
    for (StoredMessage stored : server.getManagers().getImapHostManager().getAllMessages()) {
      emails.addAll(
          alreadyRead.computeIfAbsent(
              stored.getMimeMessage(), message -> asReceived(message, stored.getReceivedDate())));
    }
    return emails;
  }

  private static List<ReceivedEmail> asReceived(MimeMessage message, java.util.Date accepted) {
    try {
      List<ReceivedEmail> emails = new ArrayList<>();
      Instant acceptedAt = accepted == null ? Instant.now() : accepted.toInstant();
      for (var to : message.getRecipients(Message.RecipientType.TO)) {
        emails.add(
            new ReceivedEmail(
                to.toString(), message.getSubject(), message.getMessageID(), acceptedAt));
      }
      return List.copyOf(emails);
    } catch (MessagingException e) {
      throw new IllegalStateException("GreenMail kept a message it cannot read", e);
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /**
   * One accepted email, as its recipient got it.
   *
   * @param acceptedAt when the server stored it (to the millisecond)
   */
  record ReceivedEmail(String recipient, String subject, String messageId, Instant acceptedAt) {}
}
