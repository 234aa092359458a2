/**
 * A signed-in person changes their own password ({@code POST /auth/password}): the current password
 * is checked with sign-in's throttling, the new one against the password policy, and each change is
 * recorded (who, when, from which address; never a password or a hash).
 */
package org.improvementhub.tenancy.password;
