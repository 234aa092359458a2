package org.improvementhub.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.improvementhub.testsupport.CouncilTestBed;

/**
 * The service's own mail server, on ports chosen before the service starts but down until the test
 * {@link #start}s it: email that comes due before then waits and is retried. Once started it is a
 * {@link RefusingMailServer}, so mail to an unknown mailbox is refused for good.
 */
final class LateMailServer implements AutoCloseable {

  private static final String HOST = "127.0.0.1";

  private final int smtpPort = freePort();
  private final int imapPort = freePort();
  private RefusingMailServer running;

  /**
   * {@code bed} with the service sending to this server and retrying soon (200 ms, then doubling up
   * to 1 s), at most {@code maxAttempts} times per email.
   */
  CouncilTestBed sendingFrom(CouncilTestBed bed, int maxAttempts) {
    return bed.with("javamail.properties.mail.smtp.host", HOST)
        .with("javamail.properties.mail.smtp.port", String.valueOf(smtpPort))
        .with("hub.notifications.dispatch.interval", "100ms")
        .with("hub.notifications.retry.first-delay", "200ms")
        .with("hub.notifications.retry.max-delay", "1s")
        .with("hub.notifications.retry.max-attempts", String.valueOf(maxAttempts));
  }

  /** Brings the server up; returns its mailboxes. */
  Mailboxes start() {
    running = RefusingMailServer.startOn(HOST, smtpPort, imapPort);
    return mailboxes();
  }

  /** The mailboxes of the server once started. */
  Mailboxes mailboxes() {
    return new Mailboxes(running.endpoint());
  }

  @Override
  public void close() {
    if (running != null) {
      running.close();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
