package org.improvementhub.plans.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Applies a re-uploaded document's diff. Actions the document no longer lists are kept unless their
 * refs are given in {@code remove}.
 */
@Serdeable
public record ApplyRequest(@Nullable List<String> remove) {}
