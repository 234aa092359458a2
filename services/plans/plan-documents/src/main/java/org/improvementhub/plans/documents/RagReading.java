package org.improvementhub.plans.documents;

/**
 * A status cell read: its RAG when the text is one (a word, a letter or the council's own legend
 * wording), otherwise no RAG and the text kept as a status note.
 */
public record RagReading(Rag rag, String statusNote) {}
