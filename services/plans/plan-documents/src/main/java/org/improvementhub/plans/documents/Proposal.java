package org.improvementhub.plans.documents;

import java.util.List;
import java.util.Map;

/**
 * The plan a document proposes, before anything is saved.
 *
 * @param title the document's title (its first heading or title paragraph), for the programme name
 * @param levelNames the tree's level names, top first; the last is the actions' level
 * @param countsPerLevel how many items or actions sit at each level, by level name
 * @param mapping what every column of every action table is taken to hold, and why
 * @param legend the council's own RAG wordings found in a legend table
 * @param flags everything guessed, unreadable, missing or duplicated, with where it came from
 */
public record Proposal(
    String title,
    List<String> levelNames,
    Map<String, Integer> countsPerLevel,
    List<ProposedItem> items,
    List<ProposedAction> actions,
    List<ProposedDriver> drivers,
    List<ColumnGuess> mapping,
    Map<String, Rag> legend,
    List<Flag> flags) {}
