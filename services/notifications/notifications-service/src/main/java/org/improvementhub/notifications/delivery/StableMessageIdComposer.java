package org.improvementhub.notifications.delivery;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.email.Email;
import io.micronaut.email.javamail.composer.DefaultMessageComposer;
import io.micronaut.email.javamail.composer.MessageComposer;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Composes messages as Micronaut does, but keeps a Message-ID set before sending. Jakarta Mail
 * otherwise replaces it with a random one when the message is sent, and an email retried after a
 * crash could not be recognised as the same email.
 */
@Singleton
@Replaces(DefaultMessageComposer.class)
public class StableMessageIdComposer implements MessageComposer {

  private final MessageComposer standard = new DefaultMessageComposer();

  @Override
  public Message compose(Email email, Session session) throws MessagingException {
    return new KeptIdMessage((MimeMessage) standard.compose(email, session));
  }

  /** A copy of the composed message that keeps the Message-ID it is given. */
  private static final class KeptIdMessage extends MimeMessage {

    KeptIdMessage(MimeMessage composed) throws MessagingException {
      super(composed);
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      if (getHeader("Message-ID") == null) {
        super.updateMessageID();
      }
    }
  }
}
