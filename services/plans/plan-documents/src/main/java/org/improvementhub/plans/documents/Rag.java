package org.improvementhub.plans.documents;

/** The plan's five RAG colours; Blue is done, Grey is not yet started. */
public enum Rag {
  BLUE,
  GREEN,
  AMBER,
  RED,
  GREY
}
