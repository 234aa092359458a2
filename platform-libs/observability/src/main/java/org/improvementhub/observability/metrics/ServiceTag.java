package org.improvementhub.observability.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Tags every meter with the service it comes from, so one Prometheus query can compare services
 * (each scrapes as its own pod, but dashboards aggregate across pods).
 */
@Factory
public class ServiceTag {

  /** The tag's name on every meter. */
  public static final String SERVICE = "service";

  @Singleton
  MeterFilter serviceTag(@Value("${hub.service.name}") String service) {
    return MeterFilter.commonTags(Tags.of(SERVICE, service));
  }
}
