package org.improvementhub.testsupport.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.improvementhub.testsupport.infra.MailEndpoint;

/**
 * Reads a recipient's mail over IMAP, as a person's mail client would. GreenMail's login and
 * password are both the address.
 */
public final class MailInbox {

  private final MailEndpoint endpoint;

  public MailInbox(MailEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Every message in {@code address}'s inbox, oldest first; empty if it has none yet. */
  public List<ReceivedMail> read(String address) {
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect(endpoint.host(), endpoint.imapPort(), address, address);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        List<ReceivedMail> mails = new ArrayList<>();
        for (Message message : inbox.getMessages()) {
          mails.add(
              new ReceivedMail(
                  message.getSubject(),
                  text(message.getContent()),
                  String.valueOf(message.getFrom()[0]),
                  header(message, "Message-ID")));
        }
        return mails;
      } finally {
        inbox.close(false);
      }
    } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
      return List.of();
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Could not read mail for " + address, e);
    }
  }

  private static String header(Message message, String name) throws MessagingException {
    String[] values = message.getHeader(name);
    return values == null || values.length == 0 ? "" : values[0];
  }

  private static String text(Object content) throws MessagingException, IOException {
    if (content instanceof String text) {
      return text;
    }
    if (content instanceof Multipart multipart) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        all.append(text(part.getContent())).append('\n');
      }
      return all.toString();
    }
    return String.valueOf(content);
  }

  /** One message as the recipient sees it. */
  public record ReceivedMail(String subject, String body, String from, String messageId) {}
}
