package org.improvementhub.tenancy.status;

import jakarta.inject.Singleton;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.CouncilStatus;
import org.improvementhub.tenancy.context.CouncilStatuses;
import org.improvementhub.tenancy.council.RegisteredCouncil;
import org.improvementhub.tenancy.council.RegisteredCouncilRepository;

/** Tenancy's own answer: the registry itself (one primary-key read per council call). */
@Singleton
public class RegisteredCouncilStatuses implements CouncilStatuses {

  private final RegisteredCouncilRepository councils;

  public RegisteredCouncilStatuses(RegisteredCouncilRepository councils) {
    this.councils = councils;
  }

  @Override
  public CouncilStatus statusOf(CouncilSlug council) {
    return councils
        .findById(council.value())
        .map(RegisteredCouncil::status)
        .orElse(CouncilStatus.ACTIVE);
  }
}
