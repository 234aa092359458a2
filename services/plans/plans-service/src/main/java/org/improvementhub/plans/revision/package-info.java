/**
 * The council's plan revision and the reads answered from it: the plan tree, the action list and
 * one action are cached per council under the revision every committed change moves on (database
 * triggers, so every write kind and every instance agree), and carry it as their {@code ETag}.
 */
package org.improvementhub.plans.revision;
