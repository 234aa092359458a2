package org.improvementhub.observability.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The services' shared appenders, configured as a service's logback.xml does. */
class JsonLogFormatTest {

  private static final String SERVICE_CONFIGURATION =
      """
      <configuration>
        <include resource="org/improvementhub/observability/logback-appenders.xml"/>
        <root level="INFO"><appender-ref ref="${HUB_LOG_FORMAT:-plain}"/></root>
      </configuration>
      """;

  @Test
  void jsonLinesCarryTheLoggingContextAndTheFormattedMessageOnly() throws Exception {
    String out = logOneLine("json");

    assertThat(out.strip()).startsWith("{").endsWith("}").doesNotContain("\n");
    assertThat(out)
        .contains("\"council\":\"walsall\"")
        .contains("\"eventId\":\"e-7\"")
        .contains("\"formattedMessage\":\"Reminder sent for action A-1\"")
        .doesNotContain("\"arguments\"");
  }

  @Test
  void plainLinesNameTheCouncilAndEventWhenTheyAreKnown() throws Exception {
    String out = logOneLine(null);

    assertThat(out)
        .contains("council=walsall event=e-7 - Reminder sent for action A-1")
        .doesNotContain("{");
  }

  private static String logOneLine(String format) throws Exception {
    LoggerContext context = new LoggerContext();
    // the MDC that LogContext writes is the one SLF4J bound at start-up
    context.setMDCAdapter(
        ((LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory()).getMDCAdapter());
    if (format != null) {
      context.putProperty("HUB_LOG_FORMAT", format);
    }
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(
          new ByteArrayInputStream(SERVICE_CONFIGURATION.getBytes(StandardCharsets.UTF_8)));
      Logger logger = context.getLogger("test");
      LogContext.run(
          LogContext.ofEvent("walsall", "e-7"),
          () -> logger.info("Reminder sent for action {}", "A-1"));
    } finally {
      System.setOut(original);
      context.stop();
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
