package org.improvementhub.portal.signin;

/** A council whose people may sign in with their council's own account, as the page lists it. */
public record CouncilAccount(String slug, String name) {}
