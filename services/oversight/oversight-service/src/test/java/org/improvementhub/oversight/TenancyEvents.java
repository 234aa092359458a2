package org.improvementhub.oversight;

import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.kafka.TestKafka;

/**
 * The tenancy events oversight learns its councils from, published as tenancy publishes them. The
 * council's schema is named but never created: oversight keeps no council schemas.
 */
final class TenancyEvents {

  private static final String TOPIC = "tenancy.council.v1";

  private TenancyEvents() {}

  static void provisioned(String slug, String name, int laCode) {
    publish(
        slug,
        "CouncilProvisioned",
        "{\"slug\":\"%s\",\"name\":\"%s\",\"laCode\":%d,\"schema\":\"x\"}"
            .formatted(slug, name, laCode));
  }

  static void activated(String slug, String name) {
    publish(slug, "CouncilActivated", "{\"slug\":\"%s\",\"name\":\"%s\"}".formatted(slug, name));
  }

  private static void publish(String slug, String type, String data) {
    TestKafka.shared().publish(TOPIC, slug, TestCouncils.envelope(type, slug, slug, data));
  }
}
