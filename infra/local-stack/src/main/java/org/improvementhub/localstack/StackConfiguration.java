package org.improvementhub.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.improvementhub.testsupport.infra.MailEndpoint;
import org.improvementhub.testsupport.infra.PostgresEndpoint;

/**
 * The configuration every service gets in a stack: where the database, broker and mail server are,
 * and whom to trust for tokens (the tenancy service: its JWKS and its issuer).
 */
public record StackConfiguration(
    PostgresEndpoint database,
    String kafkaBootstrapServers,
    MailEndpoint mail,
    int tenancyPort,
    Path signingKeyFile,
    String adminEmail,
    String adminPassword,
    String overdueScanCron) {

  /** This machine's addresses: the portal's, and whatever proxy is put in front of it. */
  public static final String LOOPBACK = "127.0.0.1,0:0:0:0:0:0:0:1";

  public String tenancyUrl() {
    return "http://127.0.0.1:" + tenancyPort;
  }

  /** The system properties that configure {@code service}. */
  public Map<String, String> propertiesFor(HubService service) {
    Map<String, String> properties = new HashMap<>();
    properties.put("datasources.default.url", database.jdbcUrl());
    properties.put("datasources.default.username", database.user());
    properties.put("datasources.default.password", database.password());
    properties.put("kafka.bootstrap.servers", kafkaBootstrapServers);
    properties.put(
        "micronaut.security.token.jwt.signatures.jwks.tenancy.url",
        tenancyUrl() + "/.well-known/jwks.json");
    properties.put("micronaut.security.token.jwt.claims-validators.issuer", tenancyUrl());
    properties.put("micronaut.security.token.jwt.claims-validators.audience", "improvement-hub");
    properties.put("javamail.properties.mail.smtp.host", mail.host());
    properties.put("javamail.properties.mail.smtp.port", String.valueOf(mail.smtpPort()));
    properties.put("hub.outbox.poll-interval", "100ms");
    if (service.equals(HubService.TENANCY)) {
      properties.put("hub.tokens.signing-key-file", signingKeyFile.toString());
      properties.put("hub.tokens.generate-if-missing", "true");
      properties.put("hub.bootstrap.admin.email", adminEmail);
      properties.put("hub.bootstrap.admin.password", adminPassword);
      // the portal runs on this machine: its X-Forwarded-For names the browser, so that failed
      // portal sign-ins lock the browser's address and not the portal's (as the chart does)
      properties.put("hub.sign-in.trusted-proxies", LOOPBACK);
    }
    if (service.equals(HubService.PLANS)) {
      properties.put("hub.plans.overdue-scan.cron", overdueScanCron);
      properties.put("hub.plans.overdue-scan.after-start", "5s");
    }
    if (service.equals(HubService.NOTIFICATIONS)) {
      // Councils' emails go on working days from 7 a.m.; a local stack, its end-to-end test and
      // the bench must not wait for Monday morning.
      properties.put("hub.notifications.schedule.every-day", "true");
      properties.put("hub.notifications.schedule.send-from", "00:00");
    }
    return properties;
  }
}
