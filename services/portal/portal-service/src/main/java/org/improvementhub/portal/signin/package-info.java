/** Signing in through the tenancy service's login, signing out, and the portal's one address. */
package org.improvementhub.portal.signin;
