package org.improvementhub.tenancy.context;

/** The council exists but this service's tables in its schema are still being prepared. */
public final class CouncilNotReadyException extends RuntimeException {

  private final CouncilSlug council;

  public CouncilNotReadyException(CouncilSlug council) {
    super("Council '" + council + "' is still being prepared; try again shortly");
    this.council = council;
  }

  public CouncilSlug council() {
    return council;
  }
}
