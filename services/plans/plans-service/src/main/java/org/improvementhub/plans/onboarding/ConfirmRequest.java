package org.improvementhub.plans.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * Confirms a proposal, optionally with the programme settings the document lacks, named as in the
 * plan template ({@code name}, {@code trigger_kind}, {@code trigger_date}, {@code
 * programme_manager}, {@code level_names}, {@code start_date}, {@code end_date}, …).
 */
@Serdeable
public record ConfirmRequest(@Nullable Map<String, String> settings) {}
