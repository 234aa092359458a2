package org.improvementhub.portal.services;

/** The services whose APIs the portal calls. */
public enum HubService {
  TENANCY,
  PLANS,
  MEASURES,
  NOTIFICATIONS,
  OVERSIGHT
}
