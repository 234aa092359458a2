package org.improvementhub.portal.session;

import java.time.Instant;

/**
 * One browser's session, held by the portal; the browser only has its random id. The CSRF token is
 * bound to the session (the synchronizer-token pattern), so a form from another site cannot carry
 * it.
 *
 * @param person who is signed in, or null before sign-in
 * @param startedAt when this session id was given (sign-in gives a new one): the absolute lifetime
 *     counts from here
 */
public record PortalSession(
    String id, String csrfToken, Person person, Instant startedAt, Instant lastSeen) {

  public boolean signedIn() {
    return person != null;
  }

  PortalSession seenAt(Instant now) {
    return new PortalSession(id, csrfToken, person, startedAt, now);
  }
}
