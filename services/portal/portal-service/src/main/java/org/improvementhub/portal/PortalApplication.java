package org.improvementhub.portal;

import io.micronaut.runtime.Micronaut;

/** The portal: the one address council staff and DfE observers use. */
public final class PortalApplication {

  private PortalApplication() {}

  public static void main(String[] args) {
    Micronaut.run(PortalApplication.class, args);
  }
}
