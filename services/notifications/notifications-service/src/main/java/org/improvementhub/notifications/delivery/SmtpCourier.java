package org.improvementhub.notifications.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.email.Contact;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.email.MultipartBody;
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

  private final EmailSender<Message, ?> sender;
  private final String fromAddress;
  private final String fromName;

  public SmtpCourier(
      EmailSender<Message, ?> sender,
      @Value("${hub.notifications.from:improvement-hub@improvementhub.local}") String fromAddress,
      @Value("${hub.notifications.from-name:Improvement Hub}") String fromName) {
    this.sender = sender;
    this.fromAddress = fromAddress;
    this.fromName = fromName;
  }

  /**
   * Sends {@code email} from the platform's address, under the council's sender name if it set one,
   * with replies going to the council's reply-to address if it set one.
   */
  public void send(EmailDelivery email, NotificationSettings settings) {
    Email.Builder builder =
        Email.builder()
            .from(
                new Contact(
                    fromAddress, settings.senderName() == null ? fromName : settings.senderName()));
    if (settings.replyTo() != null) {
      builder.replyTo(new Contact(settings.replyTo()));
    }
    sender.send(
        builder
            // Address only: Micronaut parses "name <address>", and a name with a comma would split
            // it.
            .to(new Contact(email.recipient()))
            .subject(email.subject())
            .body(new MultipartBody(email.bodyHtml(), email.bodyText())),
        message -> {
          try {
            message.setHeader("Message-ID", email.messageId());
          } catch (MessagingException e) {
            throw new IllegalStateException("Message-ID could not be set", e);
          }
        });
  }
}
