package org.improvementhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.improvementhub.localstack.HubService;
import org.improvementhub.localstack.ServiceProcess;
import org.improvementhub.localstack.StackConfiguration;
import org.improvementhub.testsupport.infra.FreePorts;
import org.improvementhub.testsupport.infra.MailEndpoint;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.improvementhub.testsupport.tokens.TestTokens;

/**
 * One service started on its own for a bench, in its own process as the local stack starts it, but
 * trusting the bench's own token issuer (as the tests do) instead of a running tenancy service. Its
 * log goes under {@code infra/bench/target/bench-logs}.
 */
final class BenchedService {

  /**
   * How long a service may take to answer its health check: about 25 s on a quiet machine, but more
   * than 3 minutes at load average 50 ({@code -Dbench.start-seconds}; run-all.sh sets 420).
   */
  static final Duration START = Duration.ofSeconds(Long.getLong("bench.start-seconds", 180));

  private BenchedService() {}

  /** The local stack's configuration on {@code database}, the shared broker and {@code mail}. */
  static StackConfiguration stack(PostgresEndpoint database, MailEndpoint mail) throws IOException {
    return new StackConfiguration(
        database,
        TestInfrastructure.shared().kafkaBootstrapServers(),
        mail,
        1,
        Files.createTempDirectory("hub-bench").resolve("key.pem"),
        "admin@bench.test",
        "unused-password-1",
        "0 0 0 1 1 ?");
  }

  /** {@code service}'s properties in {@code stack}, trusting the tokens the bench signs. */
  static Map<String, String> properties(HubService service, StackConfiguration stack) {
    Map<String, String> properties = new HashMap<>(stack.propertiesFor(service));
    TestTokens tokens = TestTokens.shared();
    properties.put("micronaut.security.token.jwt.signatures.jwks.tenancy.url", tokens.jwksUrl());
    properties.put("micronaut.security.token.jwt.claims-validators.issuer", TestTokens.ISSUER);
    return properties;
  }

  /** Starts {@code service} on a free port; the caller waits for it to be healthy. */
  static ServiceProcess start(HubService service, Map<String, String> properties)
      throws IOException {
    Path root = Path.of("").toAbsolutePath();
    return ServiceProcess.start(
        service, FreePorts.next(), root, properties, root.resolve("infra/bench/target/bench-logs"));
  }
}
