package org.improvementhub.notifications.delivery;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.MailPropertiesProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Session;
import java.util.Properties;

/**
 * The mail session of this application context, from its {@code javamail.properties}.
 *
 * <p>Micronaut's default uses Jakarta Mail's JVM-wide default session, which keeps the settings of
 * the first context that asked: a second context in the same JVM (a restarted service, another
 * test) would silently send to the first one's SMTP server.
 */
@Singleton
@Replaces(DefaultSessionProvider.class)
public class SmtpSessionProvider implements SessionProvider {

  private final Session session;

  public SmtpSessionProvider(
      MailPropertiesProvider properties, @Nullable Authenticator authenticator) {
    Properties settings = properties.mailProperties();
    if (authenticator != null && !settings.containsKey("mail.smtp.auth")) {
      settings.setProperty("mail.smtp.auth", "true");
    }
    this.session = Session.getInstance(settings, authenticator);
  }

  @Override
  public Session session() {
    return session;
  }
}
