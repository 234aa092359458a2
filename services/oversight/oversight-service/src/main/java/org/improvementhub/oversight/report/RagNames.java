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

  private RagNames() {}
}
