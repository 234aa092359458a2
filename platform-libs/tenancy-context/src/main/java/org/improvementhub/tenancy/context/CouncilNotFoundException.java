package org.improvementhub.tenancy.context;

/** The council named by a request or event does not exist here (or may not be revealed). */
public final class CouncilNotFoundException extends RuntimeException {

  private final String council;

  public CouncilNotFoundException(String council) {
    super("No council '" + council + "' was found");
    this.council = council;
  }

  public String council() {
    return council;
  }
}
