package org.improvementhub.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server (SubEthaSMTP) that keeps of each message only its Message-ID and recipient, to
 * count messages, duplicates and recipients emailed twice. GreenMail, which the tests use, parses
 * and stores every message and cost the notifications bench as much processor time per email as the
 * service itself (issue 13); the service's side of the conversation is the same with either.
 */
final class CountingSmtpServer implements AutoCloseable {

  private final SMTPServer server;
  private final AtomicLong messages = new AtomicLong();
  private final Map<String, AtomicLong> byId = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> byRecipient = new ConcurrentHashMap<>();

  CountingSmtpServer(int port) throws UnknownHostException {
    server =
        SMTPServer.port(port)
            .bindAddress(InetAddress.getByName("127.0.0.1"))
            .maxConnections(64)
            .messageHandler(
                (context, from, to, data) -> {
                  messages.incrementAndGet();
                  byId.computeIfAbsent(messageId(data), id -> new AtomicLong()).incrementAndGet();
                  byRecipient.computeIfAbsent(to, r -> new AtomicLong()).incrementAndGet();
                })
            .build();
  }

  void start() {
    server.start();
  }

  long messages() {
    return messages.get();
  }

  /** Messages beyond the first with the same Message-ID. */
  long duplicateIds() {
    return messages.get() - byId.size();
  }

  long recipientsTwice() {
    return byRecipient.values().stream().filter(n -> n.get() > 1).count();
  }

  /** The Message-ID header's value, from the header block only (before the first empty line). */
  static String messageId(byte[] data) {
    String text = new String(data, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String headers = end < 0 ? text : text.substring(0, end);
    for (String line : headers.split("\r\n")) {
      if (line.regionMatches(true, 0, "Message-ID:", 0, "Message-ID:".length())) {
        return line.substring("Message-ID:".length()).strip();
      }
    }
    return "(none) " + System.identityHashCode(data);
  }

  @Override
  public void close() {
    server.stop();
  }
}
