/**
 * Links between a council's measures and the actions and plan items of its improvement plan. The
 * actions and items themselves belong to the plans service; measures keeps a copy of each one's
 * ref, title and RAG from the plans events, so that a link can be shown without calling plans.
 */
package org.improvementhub.measures.link;
