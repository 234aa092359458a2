/**
 * People who sign in and their roles. Council users belong to one council and hold council roles;
 * platform admins and DfE observers belong to none. Passwords are kept only as BCrypt hashes, and
 * no answer ever carries one.
 */
package org.improvementhub.tenancy.user;
