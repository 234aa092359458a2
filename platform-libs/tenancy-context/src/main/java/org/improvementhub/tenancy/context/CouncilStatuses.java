package org.improvementhub.tenancy.context;

/**
 * What a service knows of each council's status. Tenancy answers from its registry; every other
 * service from what tenancy's {@code CouncilStatusChanged} events told it (council-schemas), never
 * by asking tenancy per request. {@link CouncilStatusFilter} applies it to every council API call.
 */
public interface CouncilStatuses {

  /** The council's status as this service knows it; {@link CouncilStatus#ACTIVE} if unheard of. */
  CouncilStatus statusOf(CouncilSlug council);
}
