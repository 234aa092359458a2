/**
 * The plans service. Each council's improvement programme lives in its own schema; packages are
 * features: {@code action} (improvement actions and their RAG), {@code overdue} (the daily scan
 * that tells leads an action fell overdue).
 */
package org.improvementhub.plans;
