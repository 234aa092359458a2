package org.improvementhub.notifications.settings;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** How each person of the council the unit of work is bound to wants to hear. */
@Singleton
public class PersonPreferences {

  private final PersonPreferenceRepository preferences;
  private final Clock clock;

  public PersonPreferences(PersonPreferenceRepository preferences, Clock clock) {
    this.preferences = preferences;
    this.clock = clock;
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
    preferences.save(email.strip().toLowerCase(Locale.ROOT), mode.name(), clock.instant(), by);
  }
}
