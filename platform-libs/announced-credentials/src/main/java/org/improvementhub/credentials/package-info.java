/**
 * A password change ends the person's earlier tokens in every service, not only in tenancy. Tenancy
 * announces each change ({@code CredentialsChanged}: the person, their new credentials version);
 * each service records it in its own schema ({@link
 * org.improvementhub.credentials.AnnouncedCredentials}) and refuses, with 401, any token whose
 * {@code credentialsVersion} claim is older ({@code RefuseTokensBeforeCredentialsChange}, in
 * tenancy-context).
 */
package org.improvementhub.credentials;
