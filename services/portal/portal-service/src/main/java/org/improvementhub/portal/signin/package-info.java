/**
 * Signing in through the tenancy service's login or with a council's own account (single sign-on
 * through tenancy's {@code /auth/sso}), signing out, and the portal's one address.
 */
package org.improvementhub.portal.signin;
