/**
 * Signing in and the tokens it gives: RS256 JWTs signed with one RSA key (from a PKCS#8 PEM file,
 * generated for local runs), whose public half is published as a JWKS for every service to check
 * tokens against. Tenancy checks its own tokens with the same key.
 */
package org.improvementhub.tenancy.token;
