package org.improvementhub.plans.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A person named in a plan: an action lead, or the programme's manager. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanPerson(String name, String email, @Nullable String role) {}
