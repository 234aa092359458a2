package org.improvementhub.audit;

import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;

/** Who is making the current change: the token's subject; work without a request is "system". */
@Singleton
public class AuditActor {

  /** The actor of work no person asked for (scans, schedules, event listeners). */
  public static final String SYSTEM = "system";

  private final SecurityService security;

  public AuditActor(SecurityService security) {
    this.security = security;
  }

  public String current() {
    return security.username().orElse(SYSTEM);
  }
}
