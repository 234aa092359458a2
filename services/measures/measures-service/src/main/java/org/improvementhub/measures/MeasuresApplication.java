package org.improvementhub.measures;

import io.micronaut.runtime.Micronaut;

/** The measures service: a council's KPIs and the values it records against them. */
public final class MeasuresApplication {

  private MeasuresApplication() {}

  public static void main(String[] args) {
    Micronaut.run(MeasuresApplication.class, args);
  }
}
