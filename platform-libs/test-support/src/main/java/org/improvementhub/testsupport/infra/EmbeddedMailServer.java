package org.improvementhub.testsupport.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * GreenMail: an SMTP server whose mail can be read back over IMAP. Every recipient gets a mailbox
 * on first delivery; its IMAP login and password are both the recipient's address.
 */
public final class EmbeddedMailServer implements AutoCloseable {

  private final GreenMail greenMail;

  private EmbeddedMailServer(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  public static EmbeddedMailServer startEphemeral() {
    GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    mail.start();
    return new EmbeddedMailServer(mail);
  }

  public static EmbeddedMailServer startOn(String host, int smtpPort, int imapPort) {
    GreenMail mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP)
            });
    mail.start();
    return new EmbeddedMailServer(mail);
  }

  public MailEndpoint endpoint() {
    return new MailEndpoint(
        greenMail.getSmtp().getBindTo(),
        greenMail.getSmtp().getPort(),
        greenMail.getImap().getPort());
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
