/**
 * Signing in and the tokens it gives: RS256 JWTs signed with one RSA key (from a PKCS#8 PEM file,
 * generated for local runs), whose public half is published as a JWKS for every service to check
 * tokens against, with at most one second key that is published and accepted but never signs (key
 * rotation without signing anyone out). Tenancy checks its own tokens against the same keys.
 */
package org.improvementhub.tenancy.token;
