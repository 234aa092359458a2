package org.improvementhub.plans.documents;

/**
 * A plan item above the actions (pillar, theme, outcome, objective…).
 *
 * @param level 1 for the top of the tree
 * @param levelName the document's word for this level ("Pillar", "Outcome")
 */
public record ProposedItem(
    String ref,
    String parentRef,
    int level,
    String levelName,
    String title,
    String description,
    String successCriteria,
    String owner,
    Origin origin) {}
