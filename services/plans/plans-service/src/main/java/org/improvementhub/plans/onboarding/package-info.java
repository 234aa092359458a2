/**
 * Onboarding from the council's own Word action plan: upload the {@code .docx}, see the proposed
 * plan with its column mapping and flags, change the mapping (remembered for the council's next
 * upload), then confirm it through the same all-or-nothing import as the plan template, or download
 * it as the template XLSX to fix in Excel. Reading the document is the {@code plan-documents}
 * library's; this package stores proposals and turns them into template rows.
 */
package org.improvementhub.plans.onboarding;
