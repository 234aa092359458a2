package org.improvementhub.notifications.delivery;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport with one more step: just before the line that ends a message's data
 * (the lone "."), it runs the sender's record of the email as sent. Until that line the server
 * holds an incomplete message and drops it if the connection ends, so recording first leaves no
 * moment in which the server has the email while this service, killed, would send it again. If the
 * record fails, the line is never sent and the server never completes the message.
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

  private Runnable beforeEndOfData;

  public EndOfDataTransport(Session session, URLName urlname) {
    super(session, urlname);
  }

  /** Sends {@code message}, running {@code beforeEndOfData} just before completing it. */
  synchronized void sendMessage(Message message, Address[] recipients, Runnable beforeEndOfData)
      throws MessagingException {
    this.beforeEndOfData = beforeEndOfData;
    try {
      sendMessage(message, recipients);
    } finally {
      this.beforeEndOfData = null;
    }
  }

  @Override
  protected void finishData() throws IOException, MessagingException {
    Runnable record = beforeEndOfData;
    if (record != null) {
      try {
        record.run();
      } catch (RuntimeException e) {
        throw new MessagingException(
            "The email could not be recorded as sent, so it was not completed", e);
      }
    }
    super.finishData();
  }
}
