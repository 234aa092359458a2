package org.improvementhub.tenancy.sso;

import io.micronaut.serde.annotation.Serdeable;

/** A council whose people may sign in with their council's account. */
@Serdeable
public record SsoCouncil(String slug, String name) {}
