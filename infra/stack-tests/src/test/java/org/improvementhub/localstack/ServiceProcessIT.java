package org.improvementhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.FreePorts;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** A service started as its own process answers health checks and guards its API. */
class ServiceProcessIT {

  @Test
  void theStartedServiceIsHealthyAndRefusesAnonymousCallers() throws Exception {
    TestInfrastructure infra = TestInfrastructure.shared();
    Path root = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    StackConfiguration configuration =
        new StackConfiguration(
            infra.freshDatabase(),
            infra.kafkaBootstrapServers(),
            infra.mail(),
            1,
            Files.createTempDirectory("hub-key").resolve("key.pem"),
            "admin@test",
            "unused-password",
            "0 0 0 1 1 ?");
    try (ServiceProcess plans =
        ServiceProcess.start(
            HubService.PLANS,
            FreePorts.next(),
            root,
            configuration.propertiesFor(HubService.PLANS),
            Path.of(System.getProperty("user.dir"), "target", "process-logs"))) {
      plans.awaitHealthy(Duration.ofSeconds(120));
      HubApi api = new HubApi(plans.baseUrl());
      ApiResponse health = api.get("/health", null);
      assertThat(health.status()).isEqualTo(200);
      ApiResponse anonymous = api.get("/councils/walsall/actions", null);
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.isProblem()).isTrue();
    }
  }
}
