package org.improvementhub.tenancy.user;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first platform admin from {@code hub.bootstrap.admin.email} and {@code
 * hub.bootstrap.admin.password} at start-up, if no account has that email: someone must be able to
 * sign in to a fresh platform. An existing account is never changed.
 */
@Singleton
public class BootstrapAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

  private final UserAccounts users;
  private final Optional<String> email;
  private final Optional<String> password;

  public BootstrapAdmin(
      UserAccounts users,
      @Value("${hub.bootstrap.admin.email:}") String email,
      @Value("${hub.bootstrap.admin.password:}") String password) {
    this.users = users;
    this.email = Optional.of(email).filter(e -> !e.isBlank());
    this.password = Optional.of(password).filter(p -> !p.isEmpty());
  }

  @EventListener
  void onStartup(StartupEvent event) {
    if (email.isEmpty() || password.isEmpty()) {
      LOG.info("No bootstrap platform admin configured");
      return;
    }
    if (users.ensurePlatformAdmin(email.get(), password.get())) {
      LOG.info("Bootstrap platform admin {} created", email.get());
    }
  }
}
