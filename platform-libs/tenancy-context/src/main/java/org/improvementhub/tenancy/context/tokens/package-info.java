/**
 * Tokens already verified: a service checks each bearer token's RS256 signature once and then
 * recognises the same token by its hash until it expires, instead of verifying the signature again
 * on every request (the public-key arithmetic was 9 % of the plans service's CPU under the read
 * mix).
 */
package org.improvementhub.tenancy.context.tokens;
