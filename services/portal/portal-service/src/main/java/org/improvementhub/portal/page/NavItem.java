package org.improvementhub.portal.page;

/** A link in the service navigation; {@code current} marks the page's own section. */
public record NavItem(String text, String href, boolean current) {}
