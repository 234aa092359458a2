package org.improvementhub.tenancy.context;

import io.micronaut.security.authentication.Authentication;
import java.util.Optional;
import org.improvementhub.web.problem.ProblemType;

/**
 * What a council's status allows, whoever the caller. A suspended council's own users are refused
 * everything, reads included (the council asked for, or the platform imposed, a stop; their tokens
 * outlive the sign-in refusal by up to one token lifetime); platform admins and DfE observers may
 * still read it, so oversight keeps its view. An archived council is read-only for everyone.
 */
public final class CouncilStatusRule {

  private CouncilStatusRule() {}

  /** The refusal for this call, or nothing if the status allows it. */
  public static Optional<ProblemType> refusal(
      CouncilStatus status, CouncilSlug council, Authentication caller, boolean write) {
    return switch (status) {
      case SUSPENDED ->
          write || council.value().equals(caller.getAttributes().get(HubClaims.COUNCIL))
              ? Optional.of(ProblemType.COUNCIL_SUSPENDED)
              : Optional.empty();
      case ARCHIVED -> write ? Optional.of(ProblemType.COUNCIL_ARCHIVED) : Optional.empty();
      case PROVISIONING, ACTIVE -> Optional.empty();
    };
  }

  /** The sentence a refused caller reads. */
  public static String detail(ProblemType refusal, CouncilSlug council) {
    return refusal == ProblemType.COUNCIL_ARCHIVED
        ? "Council '" + council + "' is archived: its data can be read but not changed"
        : "Council '" + council + "' is suspended: ask the platform team";
  }
}
