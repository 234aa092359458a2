package org.improvementhub.notifications;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import org.improvementhub.testsupport.infra.MailEndpoint;

/**
 * A real SMTP and IMAP server (GreenMail) that, like most mail servers, refuses mail for a mailbox
 * it does not have, with {@code 550 5.1.1}: here any address whose local part starts with {@value
 * #UNKNOWN_MAILBOX}. GreenMail itself accepts every address, so its SMTP side is given a recipient
 * check through its own extension point, {@link SmtpManager#checkRecipient}.
 */
final class RefusingMailServer implements AutoCloseable {

  static final String UNKNOWN_MAILBOX = "nobody";

  private final GreenMail greenMail;

  private RefusingMailServer(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  static RefusingMailServer startOn(String host, int smtpPort, int imapPort) {
    GreenMail mail =
        new RefusingGreenMail(
            new ServerSetup[] {
              new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP)
            });
    mail.start();
    return new RefusingMailServer(mail);
  }

  MailEndpoint endpoint() {
    return new MailEndpoint(
        greenMail.getSmtp().getBindTo(),
        greenMail.getSmtp().getPort(),
        greenMail.getImap().getPort());
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  private static final class RefusingGreenMail extends GreenMail {
    RefusingGreenMail(ServerSetup[] setups) {
      super(setups);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
      return super.createServices(config, new RefusingManagers(managers));
    }
  }

  /** GreenMail's own managers, but with an SMTP side that checks recipients. */
  private static final class RefusingManagers extends Managers {
    private final Managers own;
    private final SmtpManager smtp;

    RefusingManagers(Managers own) {
      this.own = own;
      this.smtp = new RefusingSmtpManager(own.getImapHostManager(), own.getUserManager());
    }

    @Override
    public SmtpManager getSmtpManager() {
      return smtp;
    }

    @Override
    public UserManager getUserManager() {
      return own.getUserManager();
    }

    @Override
    public ImapHostManager getImapHostManager() {
      return own.getImapHostManager();
    }
  }

  private static final class RefusingSmtpManager extends SmtpManager {
    RefusingSmtpManager(ImapHostManager imap, UserManager users) {
      super(imap, users);
    }

    @Override
    public String checkRecipient(SmtpState state, MailAddress recipient) {
      return recipient.getUser().startsWith(UNKNOWN_MAILBOX)
          ? "550 5.1.1 <" + recipient.getEmail() + ">: no such mailbox here"
          : null;
    }
  }
}
