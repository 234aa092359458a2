/**
 * A council's own Word action plan read into a proposed plan: which tables hold actions (by their
 * header words), what each column holds (with the reason for the guess), the plan tree from
 * headings, numbered paragraphs and ref numbering, and every value parsed from the council's own
 * wording with its original text and where it came from. Nothing is guessed silently: every guess
 * or failure is a {@link org.improvementhub.plans.documents.Flag}.
 */
package org.improvementhub.plans.documents;
