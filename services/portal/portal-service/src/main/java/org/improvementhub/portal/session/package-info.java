/**
 * Sign-in sessions and CSRF protection: a random session id in a Secure, HttpOnly, SameSite=Lax
 * cookie, the person's token held server-side, and a per-session token every form must carry.
 */
package org.improvementhub.portal.session;
