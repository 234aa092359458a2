/**
 * Real infrastructure for tests, chosen once per JVM: connection settings from the environment if
 * given; otherwise Testcontainers when a Docker engine answers; otherwise embedded servers (zonky
 * PostgreSQL 17, an in-process Kafka KRaft broker, GreenMail SMTP+IMAP). Also token minting against
 * a JWKS the services under test trust, and reading mail over IMAP.
 */
package org.improvementhub.testsupport;
