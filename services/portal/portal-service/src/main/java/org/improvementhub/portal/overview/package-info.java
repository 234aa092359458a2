/**
 * A council's programme overview: RAG summary with its chart, overdue, due soon, and exceptions.
 */
package org.improvementhub.portal.overview;
