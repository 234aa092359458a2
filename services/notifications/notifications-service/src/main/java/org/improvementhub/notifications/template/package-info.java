/**
 * Renders an email from its templates under {@code email/} on the classpath: a one-line subject, a
 * plain-text body and a simple, accessible HTML body, with Thymeleaf (HTML escaped, text not).
 */
package org.improvementhub.notifications.template;
