package org.improvementhub.testsupport.infra;

/** Where an SMTP server accepts mail and its IMAP side serves it. */
public record MailEndpoint(String host, int smtpPort, int imapPort) {}
