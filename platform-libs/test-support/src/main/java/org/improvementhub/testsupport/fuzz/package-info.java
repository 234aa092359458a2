/**
 * Bad input, generated: request bodies that are a valid one with one thing wrong, the verdict on
 * each answer (a success, or a 4xx problem+json naming the field at fault, never a 5xx), and the
 * size of a run (a small seeded set in CI, ten thousand cases and more in the bench).
 */
package org.improvementhub.testsupport.fuzz;
