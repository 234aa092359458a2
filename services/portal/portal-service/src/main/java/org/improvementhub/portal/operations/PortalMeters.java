package org.improvementhub.portal.operations;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Tags the portal's meters {@code service=portal}, as the observability lib tags the services' (the
 * portal does not use that lib: it would bring micronaut-security in front of the portal's own
 * sessions).
 */
@Factory
public class PortalMeters {

  @Singleton
  MeterFilter serviceTag() {
    return MeterFilter.commonTags(Tags.of("service", "portal"));
  }
}
