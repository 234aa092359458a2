/**
 * Sign-in throttling: failed sign-ins are counted per account and per client address in PostgreSQL
 * (so every tenancy instance and a restart see the same counts); after too many in a window the
 * account or the address is locked for a while and sign-in answers 429 with {@code Retry-After},
 * the same whether or not the account exists. Every lock-out is recorded and logged, never with the
 * password.
 */
package org.improvementhub.tenancy.signin;
