/**
 * The security headers on every response of every service and of the portal: one filter, its values
 * from configuration ({@code hub.security-headers.*}), strict for the JSON APIs by default (nothing
 * may be loaded, framed or referred) and set by the portal to what GOV.UK Frontend needs. A
 * separate library rather than part of web-conventions, because the portal renders HTML errors and
 * must not take web-conventions' problem+json handlers with it.
 */
package org.improvementhub.web.headers;
