package org.improvementhub.plans.documents;

import java.time.LocalDate;
import java.util.List;

/**
 * An action as read from the document; every parsed value beside the text it came from.
 *
 * @param timescaleText the timescale cell's own text, from which {@code start} and {@code due} come
 * @param statusText the status cell's own text, from which {@code rag} and {@code statusNote} come
 * @param statusNote status text that is not a RAG, kept as the council wrote it
 * @param reviewNote the review note or update for the period, when the table has one
 */
public record ProposedAction(
    String ref,
    String parentRef,
    String title,
    String description,
    String successCriteria,
    List<String> leads,
    String leadsText,
    LocalDate start,
    LocalDate due,
    String timescaleText,
    Rag rag,
    String statusText,
    String statusNote,
    String reviewNote,
    List<String> drivers,
    Origin origin) {}
