/**
 * A council admin's pages: the council's users and their roles (enabling and disabling accounts),
 * the council's notification settings, and the log of emails sent, a page at a time.
 */
package org.improvementhub.portal.admin;
