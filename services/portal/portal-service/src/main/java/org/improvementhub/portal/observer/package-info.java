/**
 * DfE observers' pages: every council in scope side by side; a council's own pages are read-only
 * for them.
 */
package org.improvementhub.portal.observer;
