package org.improvementhub.tenancy;

import io.micronaut.runtime.Micronaut;

/** The tenancy service: councils, provisioning, users, roles and signed tokens. */
public final class TenancyApplication {

  private TenancyApplication() {}

  public static void main(String[] args) {
    Micronaut.run(TenancyApplication.class, args);
  }
}
