package org.improvementhub.portal.editing;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test of the portal's pages against one stand-in for all five services, started with the test
 * class and given to the portal as every service's address. Subclasses are {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgainstStandInServices implements TestPropertyProvider {

  final FakeServices fake = new FakeServices();

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>();
    for (String service :
        new String[] {"tenancy", "plans", "measures", "notifications", "oversight"}) {
      properties.put("hub.portal.services." + service, fake.url());
    }
    standIn(fake);
    return properties;
  }

  /** What the stand-in answers from before the portal starts; tests may add more as they go. */
  void standIn(FakeServices fake) {}

  @AfterAll
  void stopTheFake() {
    fake.close();
  }
}
