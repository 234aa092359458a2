package org.improvementhub.notifications.delivery;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.email.Email;
import io.micronaut.email.javamail.composer.DefaultMessageComposer;
import io.micronaut.email.javamail.composer.MessageComposer;
import jakarta.inject.Singleton;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Enumeration;

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
    return new KeptIdMessage((MimeMessage) standard.compose(email, session), session);
  }

  /**
   * The composed message's headers and content, in a message that keeps the Message-ID it is given.
   * Taken over as they are, not copied through {@code MimeMessage(MimeMessage)}: that copy encodes
   * the whole message and parses it back, a third of each email's processor time in the sender
   * (JFR, session 7); the message is encoded once, as it is sent.
   */
  private static final class KeptIdMessage extends MimeMessage {

    KeptIdMessage(MimeMessage composed, Session session) throws MessagingException {
      super(session);
      // by name, so that each takes its usual place among the headers the message adds
      Enumeration<Header> headers = composed.getAllHeaders();
      while (headers.hasMoreElements()) {
        Header header = headers.nextElement();
        addHeader(header.getName(), header.getValue());
      }
      setDataHandler(composed.getDataHandler());
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      if (getHeader("Message-ID") == null) {
        super.updateMessageID();
      }
    }
  }
}
