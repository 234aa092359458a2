package org.improvementhub.tenancy.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A person's password changed: tokens issued under an older credentials version are no longer good,
 * in any service. On the council topic (every service already hears it), keyed by the person's
 * email so that one person's changes stay in order; the envelope names no council, since observers
 * and platform admins belong to none.
 *
 * @param email the person, as tokens name them (lower case)
 * @param credentialsVersion the version after the change: tokens issued under a lower one are
 *     refused
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialsChanged(String email, int credentialsVersion) {
  public static final String TOPIC = CouncilProvisioned.TOPIC;
  public static final String TYPE = "CredentialsChanged";
}
