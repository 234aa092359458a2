/**
 * The whole system on one machine with nothing installed: embedded PostgreSQL (data kept under
 * {@code .hub-data/}), a Kafka broker, an SMTP server whose mail is read over IMAP, and every
 * service as its own JVM on fixed ports; then the four demo councils with their users and one
 * overdue action each. The end-to-end tests start the same service processes against the test
 * infrastructure.
 */
package org.improvementhub.localstack;
