/**
 * Onboarding from the council's own Word action plan: upload the {@code .docx}, preview what the
 * plans API proposes (the tree, every flagged cell with where it came from, the column mapping),
 * change what a column holds, then confirm the import or download the proposal as the template.
 * Nothing is stored in the portal: the plans API keeps the proposal until it is confirmed.
 */
package org.improvementhub.portal.onboarding;
