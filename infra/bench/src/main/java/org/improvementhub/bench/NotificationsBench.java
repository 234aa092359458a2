package org.improvementhub.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.improvementhub.localstack.HubService;
import org.improvementhub.localstack.ServiceProcess;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.FreePorts;
import org.improvementhub.testsupport.infra.MailEndpoint;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.improvementhub.testsupport.tokens.TestTokens;

/**
 * Issue 6's figures: N councils × M overdue actions (default 153 × 200 = 30,600 emails). The
 * actions arrive as real plans events ({@code ActionCreated} with the action's snapshot) over Kafka
 * while every kind of email is switched off in the councils' settings; then overdue emails are
 * switched on, and the next schedule scan queues one email per action. Prints the ingest time, the
 * time from the scan's first queued email to the last one the local SMTP server (in this JVM:
 * SubEthaSMTP counting Message-IDs, or GreenMail with {@code -Dbench.smtp=greenmail}) accepted,
 * emails per second, and duplicates (must be 0).
 *
 * <p>Run: {@code infra/bench/run-notifications.sh [councils] [actions]}. Extra service settings can
 * be passed as {@code -Dbench.notifications.<property>=<value>} (e.g. {@code
 * -Dbench.notifications.hub.notifications.dispatch.threads=1}) to compare.
 */
public final class NotificationsBench {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  public static void main(String[] args) throws Exception {
    int councils = args.length > 0 ? Integer.parseInt(args[0]) : 153;
    int actions = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    long expected = (long) councils * actions;
    BenchFigures figures = BenchFigures.of("notifications", councils);
    figures.root().put("actions", actions).put("emails", expected);
    // Events go through the service's inbox one transaction each (about 40 a second on the shared
    // 2-core machine, 12 minutes for 30,600): by default the bench writes the tracked actions
    // straight into the councils' tables, as the events would; -Dbench.seed=events to go by Kafka.
    boolean byEvents = "events".equals(System.getProperty("bench.seed", "tables"));
    TestInfrastructure infra = TestInfrastructure.shared();
    TestTokens tokens = TestTokens.shared();
    // -Dbench.smtp=greenmail for the tests' SMTP server, which costs as much CPU as the service
    boolean greenMail = "greenmail".equals(System.getProperty("bench.smtp", "subetha"));
    int smtpPort = FreePorts.next();
    GreenMail greenSmtp =
        greenMail
            ? new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            : null;
    CountingSmtpServer countingSmtp = greenMail ? null : new CountingSmtpServer(smtpPort);
    if (greenMail) {
      greenSmtp.start();
    } else {
      countingSmtp.start();
    }
    PostgresEndpoint database = infra.freshDatabase();
    Map<String, String> properties =
        BenchedService.properties(
            HubService.NOTIFICATIONS,
            BenchedService.stack(database, new MailEndpoint("127.0.0.1", smtpPort, 0)));
    properties.put("hub.notifications.schedule.initial-delay", "2s");
    properties.put("hub.notifications.schedule.interval", "2s");
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("bench.notifications."))
        .forEach(
            name ->
                properties.put(
                    name.substring("bench.notifications.".length()), System.getProperty(name)));
    String run = UUID.randomUUID().toString().substring(0, 4);
    List<String> slugs = new ArrayList<>();
    for (int c = 0; c < councils; c++) {
      slugs.add("bench-" + run + "-" + c);
    }
    try (ServiceProcess notifications = BenchedService.start(HubService.NOTIFICATIONS, properties);
        KafkaProducer<String, String> producer =
            BenchEvents.producer(infra.kafkaBootstrapServers());
        Connection sql =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
      notifications.awaitHealthy(BenchedService.START);
      HubApi api = new HubApi(notifications.baseUrl());

      // As the tenancy service does: the schema first, then CouncilProvisioned.
      for (int c = 0; c < councils; c++) {
        TestCouncils.provision(database, slugs.get(c), "Bench council " + c, 100 + c);
      }
      for (String council : slugs) {
        api.awaitGet(
            settings(council),
            admin(tokens, council),
            r -> r.status() == 200,
            Duration.ofMinutes(10));
        put(api, tokens, council, false);
      }

      // The actions, due ten days ago, arrive while no kind of email is switched on.
      LocalDate due = LocalDate.now(UK).minusDays(10);
      List<String> schemas = slugs.stream().map(s -> "council_" + s.replace('-', '_')).toList();
      long ingestBegan = System.nanoTime();
      if (byEvents) {
        for (int c = 0; c < councils; c++) {
          String council = slugs.get(c);
          for (int a = 0; a < actions; a++) {
            UUID id = UUID.randomUUID();
            producer.send(
                new ProducerRecord<>(
                    "plans.action.v1",
                    council,
                    BenchEvents.envelope(
                        "ActionCreated",
                        council,
                        id.toString(),
                        created(id, "1." + a, "lead-" + c + "-" + a + "@bench.example", due))));
          }
        }
        producer.flush();
      } else {
        seedTables(sql, schemas, actions, due);
      }
      awaitCount(sql, schemas, "tracked_action", "", expected, Duration.ofMinutes(30));
      double ingestSeconds = (System.nanoTime() - ingestBegan) / 1e9;

      // Overdue emails on: the next scan queues one per action and the dispatcher sends them.
      Instant switchedOn = Instant.now();
      Map<String, Double> cpuBefore = ProcessorTime.millis(notifications.pid(), database.port());
      Map<String, Double> threadsBefore = serviceThreads(notifications.pid());
      String loadBefore = loadAverage();
      for (String council : slugs) {
        put(api, tokens, council, true);
      }
      awaitCount(
          sql,
          schemas,
          "email_delivery",
          " WHERE status IN ('SENT', 'FAILED')",
          expected,
          Duration.ofMinutes(60));
      Map<String, Double> cpuAfter = ProcessorTime.millis(notifications.pid(), database.port());
      Map<String, Double> threadsAfter = serviceThreads(notifications.pid());
      String loadAfter = loadAverage();
      Map<String, Double> cpuPerEmail = ProcessorTime.per(cpuBefore, cpuAfter, expected);
      Delivered delivered = delivered(sql, schemas);
      Received received =
          greenMail
              ? received(greenSmtp)
              : new Received(
                  countingSmtp.messages(),
                  countingSmtp.duplicateIds(),
                  countingSmtp.recipientsTwice());
      double sendSeconds =
          Duration.between(delivered.firstQueued(), delivered.lastSent()).toMillis() / 1e3;

      System.out.println();
      System.out.printf(
          "== Notifications bench: %d councils x %d overdue actions (%d emails), %d cores ==%n",
          councils, actions, expected, Runtime.getRuntime().availableProcessors());
      System.out.printf(
          "Service settings:                          %s%n",
          properties.entrySet().stream()
              .filter(e -> e.getKey().startsWith("hub.notifications.dispatch"))
              .map(e -> e.getKey() + "=" + e.getValue())
              .sorted()
              .collect(Collectors.joining(", ", "[", "]")));
      System.out.printf(
          "Ingest (%s): %.1f s (%.0f actions/s)%n",
          byEvents
              ? "ActionCreated events over Kafka -> tracked"
              : "tracked actions written straight to the tables",
          ingestSeconds,
          expected / ingestSeconds);
      System.out.printf(
          "Switched on -> first email queued (scan):  %.1f s%n",
          Duration.between(switchedOn, delivered.firstQueued()).toMillis() / 1e3);
      System.out.printf(
          "Scan -> last queued:                       %.1f s%n",
          Duration.between(delivered.firstQueued(), delivered.lastQueued()).toMillis() / 1e3);
      System.out.printf("Scan -> last email accepted by SMTP:       %.1f s%n", sendSeconds);
      System.out.printf(
          "Emails per second:                         %.0f%n", expected / sendSeconds);
      double sendingSeconds =
          Duration.between(delivered.firstSent(), delivered.lastSent()).toMillis() / 1e3;
      System.out.printf(
          "Sending alone (first -> last accepted):    %.1f s, %.0f emails/s%n",
          sendingSeconds, expected / sendingSeconds);
      System.out.printf(
          "Sent / failed (delivery log):              %d / %d%n",
          delivered.sent(), delivered.failed());
      System.out.printf(
          "SMTP server (bench JVM):                   %s%n",
          greenMail ? "GreenMail" : "SubEthaSMTP, counting Message-IDs");
      System.out.printf(
          "Received by SMTP server: %d messages; duplicates: %d (same Message-ID), %d recipients"
              + " with more than one%n",
          received.messages(), received.duplicateIds(), received.recipientsTwice());
      // what each process spent, switched on -> all recorded (the scan's queueing included): the
      // figure to compare between runs on a shared machine, where the rate depends on the others
      System.out.printf(
          "CPU ms per email (scan + send): service %.2f, PostgreSQL %.2f, bench JVM (SMTP server,"
              + " Kafka) %.2f; all %.2f%n",
          cpuPerEmail.get("service"),
          cpuPerEmail.get("postgres"),
          cpuPerEmail.get("bench"),
          cpuPerEmail.get("all"));
      // the service's share by thread: the schedule scan (queueing) against the senders
      System.out.printf(
          "Service CPU ms per email by thread:        %s%n",
          threadsAfter.entrySet().stream()
              .map(
                  e ->
                      "%s %.2f"
                          .formatted(
                              e.getKey(),
                              (e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0))
                                  / expected))
              .collect(Collectors.joining(", ")));
      System.out.printf(
          "Load average at switch-on / at the end:    %s / %s%n", loadBefore, loadAfter);
      figures
          .root()
          .put("smtpServer", greenMail ? "greenmail" : "subethasmtp")
          .put("cpuMsPerEmailService", cpuPerEmail.get("service"))
          .put("cpuMsPerEmailPostgres", cpuPerEmail.get("postgres"))
          .put("cpuMsPerEmailBench", cpuPerEmail.get("bench"))
          .put("cpuMsPerEmailAll", cpuPerEmail.get("all"))
          .put("ingestSeconds", ingestSeconds)
          .put(
              "switchedOnToFirstQueuedSeconds",
              Duration.between(switchedOn, delivered.firstQueued()).toMillis() / 1e3)
          .put(
              "scanToLastQueuedSeconds",
              Duration.between(delivered.firstQueued(), delivered.lastQueued()).toMillis() / 1e3)
          .put("scanToLastAcceptedSeconds", sendSeconds)
          .put("emailsPerSecond", expected / sendSeconds)
          .put("sendingAloneSeconds", sendingSeconds)
          .put("sent", delivered.sent())
          .put("failed", delivered.failed())
          .put("received", received.messages())
          .put("duplicates", received.duplicateIds())
          .put("recipientsEmailedTwice", received.recipientsTwice());
      figures.write();
    } finally {
      if (greenMail) {
        greenSmtp.stop();
      } else {
        countingSmtp.close();
      }
    }
    System.exit(0);
  }

  private record Delivered(
      Instant firstQueued,
      Instant lastQueued,
      Instant firstSent,
      Instant lastSent,
      long sent,
      long failed) {}

  private record Received(long messages, long duplicateIds, long recipientsTwice) {}

  private static Delivered delivered(Connection sql, List<String> schemas) throws SQLException {
    String union =
        schemas.stream()
            .map(s -> "SELECT created_at, sent_at, status FROM " + s + ".email_delivery")
            .collect(Collectors.joining(" UNION ALL "));
    try (Statement statement = sql.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT min(created_at), max(created_at), min(sent_at), max(sent_at),"
                    + " count(*) FILTER (WHERE status = 'SENT'),"
                    + " count(*) FILTER (WHERE status = 'FAILED') FROM ("
                    + union
                    + ") e")) {
      row.next();
      return new Delivered(
          instant(row.getTimestamp(1)),
          instant(row.getTimestamp(2)),
          instant(row.getTimestamp(3)),
          instant(row.getTimestamp(4)),
          row.getLong(5),
          row.getLong(6));
    }
  }

  /** Writes what the {@code ActionCreated} events would have: one lead each, nothing else. */
  private static void seedTables(Connection sql, List<String> schemas, int actions, LocalDate due)
      throws SQLException {
    for (int c = 0; c < schemas.size(); c++) {
      try (Statement statement = sql.createStatement()) {
        statement.execute(
            ("INSERT INTO %s.tracked_action (action_id, ref, title, leads, start_date, due_date,"
                    + " rag_status, updated_at) SELECT gen_random_uuid(), '1.' || g,"
                    + " 'Action 1.' || g, jsonb_build_array(jsonb_build_object('name',"
                    + " 'Lead 1.' || g, 'email', 'lead-%d-' || g || '@bench.example', 'role',"
                    + " NULL)), DATE '%s', DATE '%s', 'RED', now()"
                    + " FROM generate_series(0, %d) g")
                .formatted(schemas.get(c), c, due.minusMonths(6), due, actions - 1));
      }
    }
  }

  /**
   * Processor time so far of the service's live threads, in milliseconds, by kind: the schedule
   * scan ({@code schedule-scan*}), the senders ({@code email-sender*}) and the rest. A thread that
   * ended in between is missing from the second reading, so the kinds are a lower bound.
   */
  private static Map<String, Double> serviceThreads(long pid) {
    Map<String, Double> byKind = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> tasks =
        Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          String stat = Files.readString(task.resolve("stat"));
          String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
          double millis = (Long.parseLong(after[11]) + Long.parseLong(after[12])) * 10.0;
          String kind =
              name.startsWith("schedule-scan")
                  ? "schedule-scan"
                  : name.startsWith("email-sender") ? "email-sender" : "other";
          byKind.merge(kind, millis, Double::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended while it was read
        }
      }
    } catch (IOException e) {
      return byKind;
    }
    return byKind;
  }

  private static String loadAverage() {
    try {
      return String.join(
          " ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    } catch (IOException e) {
      return "?";
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp.toInstant();
  }

  private static Received received(GreenMail smtp) throws MessagingException {
    MimeMessage[] messages = smtp.getReceivedMessages();
    Map<String, Long> byId = new HashMap<>();
    Map<String, Long> byRecipient = new HashMap<>();
    for (MimeMessage message : messages) {
      byId.merge(message.getMessageID(), 1L, Long::sum);
      byRecipient.merge(message.getAllRecipients()[0].toString(), 1L, Long::sum);
    }
    return new Received(
        messages.length,
        messages.length - byId.size(),
        byRecipient.values().stream().filter(n -> n > 1).count());
  }

  private static void awaitCount(
      Connection sql,
      List<String> schemas,
      String table,
      String where,
      long expected,
      Duration timeout)
      throws SQLException, InterruptedException {
    String union =
        schemas.stream()
            .map(s -> "SELECT count(*) AS n FROM " + s + "." + table + where)
            .collect(Collectors.joining(" UNION ALL "));
    long deadline = System.nanoTime() + timeout.toNanos();
    long seen = -1;
    long polls = 0;
    while (System.nanoTime() < deadline) {
      try (Statement statement = sql.createStatement();
          ResultSet row = statement.executeQuery("SELECT sum(n) FROM (" + union + ") c")) {
        row.next();
        seen = row.getLong(1);
      }
      if (seen >= expected) {
        return;
      }
      if (++polls % 30 == 0) {
        System.out.printf("  %s %s: %d of %d%n", Instant.now(), table, seen, expected);
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(table + ": " + seen + " of " + expected + " after " + timeout);
  }

  private static String settings(String council) {
    return "/councils/" + council + "/notification-settings";
  }

  private static String admin(TestTokens tokens, String council) {
    return tokens.councilUser(council, "COUNCIL_ADMIN");
  }

  private static void put(HubApi api, TestTokens tokens, String council, boolean overdue) {
    ApiResponse response =
        api.put(
            settings(council),
            admin(tokens, council),
            ("{\"remindersEnabled\":false,\"overdueEnabled\":%s,\"repeatsEnabled\":false,"
                    + "\"escalationsEnabled\":false,\"reminderDaysBefore\":7,"
                    + "\"repeatEveryDays\":7,\"escalateAfterDays\":14}")
                .formatted(overdue));
    if (response.status() != 200) {
      throw new IllegalStateException(council + ": " + response);
    }
  }

  private static String created(UUID id, String ref, String lead, LocalDate due) {
    String snapshot =
        ("{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"Action %s\",\"leads\":[{\"name\":"
                + "\"Lead %s\",\"email\":\"%s\",\"role\":null}],\"startDate\":\"%s\","
                + "\"dueDate\":\"%s\",\"ragStatus\":\"RED\",\"completedOn\":null,"
                + "\"programmeId\":null,\"programmeManager\":null}")
            .formatted(id, ref, ref, ref, lead, due.minusMonths(6), due);
    return ("{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"Action %s\",\"leadName\":\"Lead %s\","
            + "\"leadEmail\":\"%s\",\"dueDate\":\"%s\",\"ragStatus\":\"RED\",\"action\":%s}")
        .formatted(id, ref, ref, ref, lead, due, snapshot);
  }
}
