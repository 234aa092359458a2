package org.improvementhub.web.admission;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The meter registry the services get from micronaut-micrometer, here a plain one. */
@Factory
@Requires(property = "admission-it", value = "true")
class TestMeters {

  @Singleton
  MeterRegistry meters() {
    return new SimpleMeterRegistry();
  }
}
