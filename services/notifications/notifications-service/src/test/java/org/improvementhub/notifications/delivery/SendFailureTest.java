package org.improvementhub.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.email.EmailException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.ConstraintViolationException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.Test;

/**
 * Which failures are worth retrying. Built from the exceptions Angus Mail throws for each SMTP
 * answer, wrapped as Micronaut Email wraps them; the 5xx and connection-refused cases are also
 * produced by a real SMTP server in {@code SmtpFaultsIT}, the 4xx ones only here.
 */
class SendFailureTest {

  private static InternetAddress lead() throws AddressException {
    return new InternetAddress("lead@council.example");
  }

  /** How Angus reports a refused recipient: the RCPT reply chained under SendFailedException. */
  private static EmailException refusedRecipient(int code) throws AddressException {
    SMTPAddressFailedException rcpt =
        new SMTPAddressFailedException(
            lead(), "RCPT TO:<lead@council.example>", code, code + " no");
    return new EmailException(
        new SendFailedException(
            "Invalid Addresses", rcpt, new Address[0], new Address[0], new Address[] {lead()}));
  }

  @Test
  void aRecipientRefusedWith4xxIsTemporary() throws Exception {
    SendFailure failure = SendFailure.of(refusedRecipient(450));
    assertThat(failure.permanent()).isFalse();
    assertThat(failure.smtpCode()).isEqualTo(450);
  }

  @Test
  void aRecipientRefusedWith5xxIsPermanent() throws Exception {
    SendFailure failure = SendFailure.of(refusedRecipient(550));
    assertThat(failure.permanent()).isTrue();
    assertThat(failure.smtpCode()).isEqualTo(550);
    assertThat(failure.reason()).contains("550 no");
  }

  @Test
  void theMessageRefusedAfterDataFollowsItsCode() {
    SendFailure greylisted =
        SendFailure.of(
            new EmailException(
                new SMTPSendFailedException("DATA", 451, "451 try later", null, null, null, null)));
    SendFailure rejected =
        SendFailure.of(
            new EmailException(
                new SMTPSendFailedException("DATA", 554, "554 rejected", null, null, null, null)));
    assertThat(greylisted.permanent()).isFalse();
    assertThat(rejected.permanent()).isTrue();
  }

  @Test
  void theSenderRefusedFollowsItsCode() throws Exception {
    assertThat(
            SendFailure.of(
                    new EmailException(
                        new SMTPSenderFailedException(lead(), "MAIL FROM", 421, "421 busy")))
                .permanent())
        .isFalse();
    assertThat(
            SendFailure.of(
                    new EmailException(
                        new SMTPSenderFailedException(lead(), "MAIL FROM", 553, "553 no")))
                .permanent())
        .isTrue();
  }

  @Test
  void anUnreachableServerIsTemporary() {
    SendFailure refused =
        SendFailure.of(
            new EmailException(
                new MessagingException(
                    "Couldn't connect to host", new ConnectException("Connection refused"))));
    SendFailure timedOut =
        SendFailure.of(
            new EmailException(
                new MessagingException("Read timed out", new SocketTimeoutException())));
    assertThat(refused.permanent()).isFalse();
    assertThat(refused.smtpCode()).isNull();
    assertThat(refused.reason()).contains("Connection refused").doesNotContain("\n");
    assertThat(timedOut.permanent()).isFalse();
  }

  @Test
  void refusedCredentialsAreTemporarySoThatFixingTheSettingsDeliversTheBacklog() {
    assertThat(
            SendFailure.of(new EmailException(new AuthenticationFailedException("535 bad")))
                .permanent())
        .isFalse();
  }

  @Test
  void anAddressThatCannotBeWrittenIsPermanent() {
    assertThat(
            SendFailure.of(new EmailException(new AddressException("Illegal address", "a@@b")))
                .permanent())
        .isTrue();
  }

  @Test
  void anAddressTheSenderRejectsBeforeSendingIsPermanent() {
    assertThat(
            SendFailure.of(
                    new ConstraintViolationException(
                        "to: must be a well-formed email address", Set.of()))
                .permanent())
        .isTrue();
  }

  @Test
  void anythingElseIsTemporary() {
    assertThat(SendFailure.of(new IllegalStateException("surprise")).permanent()).isFalse();
  }

  @Test
  void theReasonIsBounded() {
    SendFailure failure = SendFailure.of(new IllegalStateException("x".repeat(5000)));
    assertThat(failure.reason().length()).isLessThanOrEqualTo(501);
  }
}
