package org.improvementhub.notifications.settings;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.improvementhub.notifications.audit.NotificationAuditTrail;

/** How each person of the council the unit of work is bound to wants to hear. */
@Singleton
public class PersonPreferences {

  private final PersonPreferenceRepository preferences;
  private final Clock clock;
  private final NotificationAuditTrail audit;

  public PersonPreferences(
      PersonPreferenceRepository preferences, Clock clock, NotificationAuditTrail audit) {
    this.preferences = preferences;
    this.clock = clock;
    this.audit = audit;
  }

  @ReadOnly
  public List<PersonPreference> all() {
    return preferences.findAll();
  }

  /** {@code email}'s choice, {@link DeliveryMode#IMMEDIATE} until they make one. */
  @ReadOnly
  public DeliveryMode of(String email) {
    return preferences
        .findByEmail(email.strip().toLowerCase(Locale.ROOT))
        .map(PersonPreference::mode)
        .orElse(DeliveryMode.IMMEDIATE);
  }

  /** The addresses (lower case) of those who want the weekly digest only. */
  @ReadOnly
  public Set<String> digestOnly() {
    return preferences.findAll().stream()
        .filter(p -> p.mode() == DeliveryMode.DIGEST)
        .map(PersonPreference::email)
        .collect(Collectors.toSet());
  }

  @Transactional
  public void choose(String email, DeliveryMode mode, String by) {
    String key = email.strip().toLowerCase(Locale.ROOT);
    PersonPreference before = preferences.findByEmail(key).orElse(null);
    preferences.save(key, mode.name(), clock.instant(), by);
    audit.record(
        "notification-preference",
        key,
        before == null ? "CHOSEN" : "CHANGED",
        before,
        preferences.findByEmail(key).orElse(null));
  }
}
