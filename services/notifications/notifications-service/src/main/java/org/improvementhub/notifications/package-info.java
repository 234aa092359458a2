/**
 * The notifications service. Each council's emails live in its own schema; packages are features:
 * {@code action} (tracked actions, kept from the plans service's action events), {@code calendar}
 * (bank holidays and working days), {@code schedule} (which reminder, overdue, repeat and
 * escalation emails each action calls for on a working day, and their cancellation), {@code
 * settings} (each council's notification settings), {@code template} (renders an email's subject,
 * plain text and HTML), {@code delivery} (the queue of emails per council, sending them over SMTP
 * with retries, and the delivery log).
 */
package org.improvementhub.notifications;
