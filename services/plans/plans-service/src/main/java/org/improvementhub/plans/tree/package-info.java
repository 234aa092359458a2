/**
 * The plan tree a council names itself (Pillar → Outcome → Action, Category → Project...): items
 * with refs, titles, success criteria and owners, moved and re-ordered, and read whole in one call
 * with the actions as its leaves.
 */
package org.improvementhub.plans.tree;
