/**
 * The fault harness: the services run as real processes on a PostgreSQL server, a Kafka broker and
 * an SMTP server of the harness's own, and are killed, cut off from their mail server, their broker
 * or their database and left to recover while they work; what the mail server received, what the
 * writers were answered and what reached oversight's read model is then counted, so that a lost or
 * doubled email, a lost event or a 500 shows as a number rather than a hope.
 */
package org.improvementhub.faults;
