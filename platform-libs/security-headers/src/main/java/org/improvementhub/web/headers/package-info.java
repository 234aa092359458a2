/**
 * Headers that protect every service and the portal.
 *
 * <p>The security headers on every response: one filter, its values from configuration ({@code
 * hub.security-headers.*}), strict for the JSON APIs by default (nothing may be loaded, framed or
 * referred) and set by the portal to what GOV.UK Frontend needs. A separate library rather than
 * part of web-conventions, because the portal renders HTML errors and must not take
 * web-conventions' problem+json handlers with it.
 *
 * <p>The forwarding header a proxy sets ({@code X-Forwarded-For}), believed only from trusted
 * proxies ({@link org.improvementhub.web.headers.ForwardedClient}): tenancy and the portal both
 * count failed sign-ins per client address and must agree on how it is found.
 */
package org.improvementhub.web.headers;
