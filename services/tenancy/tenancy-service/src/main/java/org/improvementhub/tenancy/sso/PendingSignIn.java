package org.improvementhub.tenancy.sso;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A sign-in through a council's provider, between its start and its callback. */
@MappedEntity(value = "sso_sign_in", schema = "tenancy")
record PendingSignIn(
    @Id String state,
    String council,
    String nonce,
    String codeVerifier,
    String redirectUri,
    Instant startedAt,
    @Nullable Instant finishedAt) {}
