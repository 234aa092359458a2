package org.improvementhub.notifications.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/**
 * One SMTP connection, used for the emails one worker sends for one council in one round instead of
 * a connection per email (connecting, the greeting and EHLO were half the conversation). Opened on
 * first use; closed after any failure, so that the next email starts on a fresh connection.
 */
public final class SmtpConnection implements AutoCloseable {

  private final Session session;
  private EndOfDataTransport transport;
  private boolean used;

  SmtpConnection(Session session) {
    this.session = session;
  }

  /**
   * Sends {@code message} (its headers already saved) over this connection, with {@code sent}
   * written and committed around the end of its data. A connection that has been used before may
   * have been dropped by the server while idle: a failure on it without any SMTP reply, before the
   * message was completed, is tried once more on a fresh connection.
   *
   * @return the nanoseconds in which the server held the complete message while its record was not
   *     yet committed, at most (see {@link EndOfDataTransport#completionWindowNanos()})
   */
  long send(Message message, SentRecord sent) throws MessagingException {
    boolean reused = used;
    try {
      return sendOnce(message, sent);
    } catch (MessagingException | RuntimeException e) {
      boolean completed = transport != null && transport.completedAtServer();
      close();
      if (!reused || completed || SendFailure.replyCode(e) != null) {
        throw e;
      }
      try {
        return sendOnce(message, sent);
      } catch (MessagingException | RuntimeException again) {
        close();
        throw again;
      }
    }
  }

  private long sendOnce(Message message, SentRecord sent) throws MessagingException {
    if (transport == null) {
      transport = (EndOfDataTransport) session.getTransport(EndOfDataTransport.PROVIDER);
      transport.connect();
    }
    used = true;
    transport.sendMessage(message, message.getAllRecipients(), sent);
    return transport.completionWindowNanos();
  }

  @Override
  public void close() {
    EndOfDataTransport open = transport;
    transport = null;
    used = false;
    if (open != null) {
      try {
        open.close();
      } catch (MessagingException e) {
        // Closing a connection that failed: nothing left to do with it.
      }
    }
  }
}
