package org.improvementhub.oversight;

import io.micronaut.runtime.Micronaut;

/** The oversight service: every council side by side for DfE observers, from events. */
public final class OversightApplication {

  private OversightApplication() {}

  public static void main(String[] args) {
    Micronaut.run(OversightApplication.class, args);
  }
}
