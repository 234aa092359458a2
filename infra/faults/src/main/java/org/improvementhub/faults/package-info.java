/**
 * The fault harness: the services run as real processes on real PostgreSQL, Kafka and SMTP, and are
 * killed, cut off from their mail server and restarted while they work; what the mail server
 * received is then counted, so a lost or doubled email shows as a number rather than a hope.
 */
package org.improvementhub.faults;
