package org.improvementhub.notifications.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.EmailException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Why an email was not sent, and whether trying again later can help.
 *
 * <p>The SMTP server's reply code decides when there is one (RFC 5321: 4xx is transient, 5xx is
 * permanent). Without one: a server that cannot be reached or that failed mid-conversation may be
 * back later (temporary); an address that cannot even be written down never will be (permanent).
 * Anything else is treated as temporary, bounded by the retry limit, so an unforeseen fault delays
 * an email rather than losing it.
 */
public record SendFailure(boolean permanent, @Nullable Integer smtpCode, String reason) {

  private static final int MAX_REASON = 500;
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  public static SendFailure of(Throwable failure) {
    Integer code = replyCode(failure);
    String reason = describe(failure);
    if (code != null) {
      return new SendFailure(code >= 500, code, reason);
    }
    return new SendFailure(isPermanentWithoutCode(failure), null, reason);
  }

  /** The first SMTP reply code found among the causes and chained exceptions, if any. */
  @Nullable
  static Integer replyCode(Throwable failure) {
    for (Throwable t : causes(failure)) {
      if (t instanceof SMTPAddressFailedException e) {
        return e.getReturnCode();
      }
      if (t instanceof SMTPSenderFailedException e) {
        return e.getReturnCode();
      }
      if (t instanceof SMTPSendFailedException e && e.getReturnCode() > 0) {
        return e.getReturnCode();
      }
    }
    return null;
  }

  private static boolean isPermanentWithoutCode(Throwable failure) {
    boolean unreachable = false;
    boolean badAddress = false;
    for (Throwable t : causes(failure)) {
      if (t instanceof IOException || t instanceof AuthenticationFailedException) {
        unreachable = true;
      }
      if (t instanceof AddressException || t instanceof ConstraintViolationException) {
        badAddress = true;
      }
    }
    return badAddress && !unreachable;
  }

  /** The failure and everything behind it: causes and Jakarta Mail's chained exceptions. */
  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> all = new ArrayList<>();
    Set<Throwable> seen = new HashSet<>();
    ArrayDeque<Throwable> next = new ArrayDeque<>();
    next.add(failure);
    while (!next.isEmpty()) {
      Throwable t = next.poll();
      if (!seen.add(t)) {
        continue;
      }
      all.add(t);
      if (t.getCause() != null) {
        next.add(t.getCause());
      }
      if (t instanceof MessagingException m && m.getNextException() != null) {
        next.add(m.getNextException());
      }
    }
    return all;
  }

  private static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t : causes(failure)) {
      String message = ownMessage(t);
      if (t instanceof EmailException || message.isEmpty() || text.indexOf(message) >= 0) {
        continue;
      }
      if (!text.isEmpty()) {
        text.append(" | ");
      }
      text.append(t.getClass().getSimpleName()).append(": ").append(message);
    }
    String reason = text.isEmpty() ? failure.getClass().getSimpleName() : text.toString();
    return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
  }

  /** The exception's message on one line, without the text Jakarta Mail adds about its cause. */
  private static String ownMessage(Throwable t) {
    String message = t.getMessage() == null ? "" : t.getMessage();
    int nested = message.indexOf("nested exception is");
    if (nested >= 0) {
      message = message.substring(0, nested);
    }
    message = WHITESPACE.matcher(message).replaceAll(" ").strip();
    return message.endsWith(";") ? message.substring(0, message.length() - 1) : message;
  }
}
