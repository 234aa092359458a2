package org.improvementhub.oversight.report;

import java.util.Map;

/** How reports name each RAG status, in the words councils use. */
final class RagNames {

  static final Map<String, String> NAMES =
      Map.of(
          "BLUE", "Blue: complete",
          "GREEN", "Green: on track",
          "AMBER", "Amber: off track, with a recovery plan",
          "RED", "Red: needs Improvement Board attention",
          "GREY", "Grey: not yet due to start");

  /** Measures' statuses, shorter: a measure is on or off its target. */
  static final Map<String, String> MEASURE_STATUS =
      Map.of(
          "GREEN", "Green",
          "AMBER", "Amber",
          "RED", "Red",
          "GREY", "Grey: no target");

  static final Map<String, String> TRENDS =
      Map.of(
          "IMPROVING", "Improving",
          "WORSENING", "Worsening",
          "NO_CHANGE", "No change",
          "UP", "Up",
          "DOWN", "Down",
          "FIRST_VALUE", "First value");

  /** The RAG statuses and the total, as the change table names them. */
  static final Map<String, String> SHORT =
      Map.of(
          "BLUE", "Blue",
          "GREEN", "Green",
          "AMBER", "Amber",
          "RED", "Red",
          "GREY", "Grey",
          "TOTAL", "Total");

  private RagNames() {}
}
