package org.improvementhub.notifications.delivery;

/**
 * The sender's record of one email as sent, in two steps around the line that completes the message
 * at the SMTP server (see {@link EndOfDataTransport}).
 */
interface SentRecord {

  /** Writes the record, uncommitted: before the server is told the message is complete. */
  void write();

  /**
   * Commits it: straight after the line that completes the message has been written, before the
   * server's reply is read, so that no wait for any reply falls between the two.
   */
  void commit();
}
