/**
 * Getting emails to people, once. A feature queues an email with an idempotency key in the same
 * transaction as the event that asked for it ({@link
 * org.improvementhub.notifications.delivery.EmailQueue}); the {@link
 * org.improvementhub.notifications.delivery.EmailDispatcher} sends what is due, council by council,
 * retrying temporary SMTP failures with back-off and recording permanent ones; council admins read
 * the result in the delivery log.
 */
package org.improvementhub.notifications.delivery;
