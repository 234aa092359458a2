/**
 * Single sign-on per council: a council's admin points the hub at the council's own OpenID Connect
 * provider ({@code /councils/{council}/sso}), and its people sign in through it ({@code
 * /auth/sso/...}: authorisation code flow with PKCE, state and nonce). Whatever the provider says,
 * the token tenancy then issues is for the council whose settings started the sign-in, with council
 * roles only, mapped from the provider's claim by that council's own mapping.
 */
package org.improvementhub.tenancy.sso;
