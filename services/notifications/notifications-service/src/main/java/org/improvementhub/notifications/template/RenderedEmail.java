package org.improvementhub.notifications.template;

/** An email's content, ready to queue: one subject line and the same message as text and HTML. */
public record RenderedEmail(String subject, String text, String html) {}
