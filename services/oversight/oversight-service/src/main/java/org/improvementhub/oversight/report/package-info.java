/**
 * The monthly Improvement Board report for one council and period: RAG summary (counts and
 * percentages of all actions), exceptions (Red and Amber actions with their review notes), overdue
 * actions and what changed since the last issued report. Issued once, then frozen: the stored
 * content is what every later download renders, as PDF (tagged, PDF/UA) or XLSX.
 */
package org.improvementhub.oversight.report;
