package org.improvementhub.tenancy.context;

/** The roles a token can carry (DESIGN.md, "Requests and identity"). */
public enum HubRole {
  PLATFORM_ADMIN,
  COUNCIL_ADMIN,
  PROGRAMME_MANAGER,
  ACTION_LEAD,
  /** Reads its council's programme; changes nothing. */
  BOARD_MEMBER,
  /** Reads every council in its observer scope; changes nothing. */
  DFE_OBSERVER;

  /** Roles that may change a council's own data. */
  public boolean writesCouncilData() {
    return this == PLATFORM_ADMIN
        || this == COUNCIL_ADMIN
        || this == PROGRAMME_MANAGER
        || this == ACTION_LEAD;
  }
}
