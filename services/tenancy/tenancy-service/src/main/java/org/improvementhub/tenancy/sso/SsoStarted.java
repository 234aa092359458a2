package org.improvementhub.tenancy.sso;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A started sign-in: send the person to {@code authorizationUrl}; the provider sends them back to
 * the redirect URI with a code and this {@code state}. A client (the portal) binds the state to the
 * person's browser and checks it on the way back.
 */
@Serdeable
public record SsoStarted(String council, String authorizationUrl, String state) {}
