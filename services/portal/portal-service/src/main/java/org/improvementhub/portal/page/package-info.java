/**
 * What every page shares: the layout's model, form errors in the GOV.UK error-summary pattern, RAG
 * tags, security headers, and the not-found, refused and problem pages.
 */
package org.improvementhub.portal.page;
