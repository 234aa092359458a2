/**
 * The notifications service. Each council's emails live in its own schema; packages are features:
 * {@code overdue} (turns {@code ActionFellOverdue} into an email to the action's lead), {@code
 * template} (renders an email's subject, plain text and HTML), {@code delivery} (the queue of
 * emails per council, sending them over SMTP with retries, and the delivery log).
 */
package org.improvementhub.notifications;
