package org.improvementhub.notifications.delivery;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport with the sender's record of an email woven into the end of its data,
 * so that a process killed at any moment neither loses the email nor sends it twice, but for one
 * short interval:
 *
 * <ol>
 *   <li>the record is written, uncommitted; if that fails, the message is never completed and the
 *       server drops it;
 *   <li>the lone "." that completes the message is written to the server;
 *   <li>the record is committed at once — no reply is awaited between the two writes;
 *   <li>the server's reply is read; a refusal undoes the record (the caller retries the email).
 * </ol>
 *
 * <p>A kill before step 3 leaves the email due again (the database rolls the record back) and, if
 * the "." was not yet written, the server drops the incomplete message. A kill after step 3 leaves
 * it recorded and, as the "." is already in the kernel's hands, delivered.
 *
 * <p>A kill between the "." reaching the kernel and the COMMIT reaching it sends the email twice
 * (under the same Message-ID). That interval cannot be closed: they are two writes to two sockets,
 * and a SIGKILL can fall between any two system calls; writing the COMMIT first would trade the
 * duplicate for a lost email. It is a few microseconds of code, but the thread can be taken off its
 * processor inside it: the "." wakes the server's reader (on one machine it may preempt the
 * sender), and a garbage collection or other safepoint stops every thread. So it is measured: see
 * {@link #completionWindowNanos()}, {@code hub.notifications.emails.completion-window} in {@code
 * /prometheus}, and docs/security.md.
 *
 * <p>Asked for by {@link #PROVIDER} (see {@link SmtpConnection}): the session's {@code
 * mail.smtp.class} only chooses among the providers Jakarta Mail has registered.
 */
public class EndOfDataTransport extends SMTPTransport {

  static final Provider PROVIDER =
      new Provider(
          Provider.Type.TRANSPORT,
          "smtp",
          EndOfDataTransport.class.getName(),
          "Improvement Hub",
          "1");

  private SentRecord record;
  private SMTPOutputStream data;
  private boolean completed;
  private long completionWindowNanos;

  public EndOfDataTransport(Session session, URLName urlname) {
    super(session, urlname);
  }

  /** Sends {@code message}, recording it as sent as described above. */
  synchronized void sendMessage(Message message, Address[] recipients, SentRecord record)
      throws MessagingException {
    this.record = record;
    this.completed = false;
    this.completionWindowNanos = 0;
    try {
      sendMessage(message, recipients);
    } finally {
      this.record = null;
      this.data = null;
    }
  }

  /** Whether the last message's final "." went to the server (it may then have it). */
  synchronized boolean completedAtServer() {
    return completed;
  }

  /**
   * For the last message: the nanoseconds from just before its "." was written to just after its
   * record's COMMIT was acknowledged. An upper bound of the interval in which a kill would have
   * sent it twice (it includes the database's reply to the COMMIT, and any time the thread spent
   * off its processor); 0 if the message was not completed.
   */
  synchronized long completionWindowNanos() {
    return completionWindowNanos;
  }

  @Override
  protected OutputStream data() throws MessagingException {
    OutputStream stream = super.data();
    data = (SMTPOutputStream) stream;
    return stream;
  }

  @Override
  protected void finishData() throws IOException, MessagingException {
    SentRecord sent = record;
    if (sent == null || data == null) {
      super.finishData();
      return;
    }
    data.ensureAtBOL();
    try {
      sent.write();
    } catch (RuntimeException e) {
      throw new MessagingException(
          "The email could not be recorded as sent, so it was not completed", e);
    }
    // nothing between the two writes but the commit's own path: the time is read before and
    // after, never logged or recorded in between
    long completing = System.nanoTime();
    sendCommand(".");
    completed = true;
    try {
      sent.commit();
    } catch (RuntimeException e) {
      throw new MessagingException(
          "The server may have the email but its record was not committed; it will be sent again",
          e);
    }
    completionWindowNanos = System.nanoTime() - completing;
    int reply = readServerResponse();
    if (reply != 250) {
      throw new SMTPSendFailedException(
          ".", reply, getLastServerResponse(), null, null, null, null);
    }
  }
}
