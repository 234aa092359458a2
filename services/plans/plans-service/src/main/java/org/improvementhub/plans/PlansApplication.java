package org.improvementhub.plans;

import io.micronaut.runtime.Micronaut;

/** The plans service: programmes, plan trees, improvement actions, their RAG and drivers. */
public final class PlansApplication {

  private PlansApplication() {}

  public static void main(String[] args) {
    Micronaut.run(PlansApplication.class, args);
  }
}
