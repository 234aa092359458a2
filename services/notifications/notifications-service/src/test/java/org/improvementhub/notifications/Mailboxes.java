package org.improvementhub.notifications;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.improvementhub.testsupport.infra.MailEndpoint;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.improvementhub.testsupport.mail.MailInbox;
import org.improvementhub.testsupport.mail.MailInbox.ReceivedMail;

/** Waits for mail to arrive over IMAP. */
public final class Mailboxes {

  private final MailInbox inbox;

  public Mailboxes(MailEndpoint endpoint) {
    this.inbox = new MailInbox(endpoint);
  }

  public static Mailboxes shared() {
    return new Mailboxes(TestInfrastructure.shared().mail());
  }

  /** {@code address}'s mail once it holds at least {@code count} messages. */
  public List<ReceivedMail> await(String address, int count) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> inbox.read(address), mails -> mails.size() >= count);
  }

  public List<ReceivedMail> read(String address) {
    return inbox.read(address);
  }
}
