package org.improvementhub.notifications.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.email.Contact;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.email.MultipartBody;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * Hands one email to the SMTP server. Returns only once the server has accepted it; throws
 * otherwise (see {@link SendFailure} for what the exception means).
 */
@Singleton
public class SmtpCourier {

  private final EmailSender<Message, ?> sender;
  private final Contact from;

  public SmtpCourier(
      EmailSender<Message, ?> sender,
      @Value("${hub.notifications.from:improvement-hub@improvementhub.local}") String fromAddress,
      @Value("${hub.notifications.from-name:Improvement Hub}") String fromName) {
    this.sender = sender;
    this.from = new Contact(fromAddress, fromName);
  }

  public void send(EmailDelivery email) {
    sender.send(
        Email.builder()
            .from(from)
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
