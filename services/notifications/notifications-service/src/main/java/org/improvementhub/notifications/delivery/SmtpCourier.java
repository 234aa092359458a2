package org.improvementhub.notifications.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.email.Contact;
import io.micronaut.email.Email;
import io.micronaut.email.EmailException;
import io.micronaut.email.MultipartBody;
import io.micronaut.email.javamail.sender.JavaxEmailComposer;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.improvementhub.notifications.settings.NotificationSettings;

/**
 * Hands one email to the SMTP server. Returns only once the server has accepted it; throws
 * otherwise (see {@link SendFailure} for what the exception means).
 */
@Singleton
public class SmtpCourier {

  private final JavaxEmailComposer composer;
  private final SessionProvider sessions;
  private final String fromAddress;
  private final String fromName;

  public SmtpCourier(
      JavaxEmailComposer composer,
      SessionProvider sessions,
      @Value("${hub.notifications.from:improvement-hub@improvementhub.local}") String fromAddress,
      @Value("${hub.notifications.from-name:Improvement Hub}") String fromName) {
    this.composer = composer;
    this.sessions = sessions;
    this.fromAddress = fromAddress;
    this.fromName = fromName;
  }

  /** A connection for a run of emails; the caller closes it. */
  public SmtpConnection connect() {
    return new SmtpConnection(sessions.session());
  }

  /**
   * Sends {@code email} over {@code connection} from the platform's address, under the council's
   * sender name if it set one, with replies going to the council's reply-to address if it set one;
   * {@code sent} is written and committed around the end of its data (see {@link
   * EndOfDataTransport}).
   *
   * @return the nanoseconds in which a crash would have sent it twice, at most (see {@link
   *     EndOfDataTransport#completionWindowNanos()})
   */
  public long send(
      EmailDelivery email,
      NotificationSettings settings,
      SmtpConnection connection,
      SentRecord sent) {
    Email.Builder builder =
        Email.builder()
            .from(
                new Contact(
                    fromAddress, settings.senderName() == null ? fromName : settings.senderName()));
    if (settings.replyTo() != null) {
      builder.replyTo(new Contact(settings.replyTo()));
    }
    Email composed =
        builder
            // Address only: Micronaut parses "name <address>", and a name with a comma would split
            // it.
            .to(new Contact(email.recipient()))
            .subject(email.subject())
            .body(new MultipartBody(email.bodyHtml(), email.bodyText()))
            .build();
    try {
      Message message = composer.compose(composed);
      message.setHeader("Message-ID", email.messageId());
      message.saveChanges();
      return connection.send(message, sent);
    } catch (MessagingException e) {
      // As Micronaut's own sender reports it: SendFailure reads the SMTP reply behind it.
      throw new EmailException(e);
    }
  }
}
