package org.improvementhub.councilschemas;

import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.improvementhub.messaging.schema.MigrationScripts;
import org.improvementhub.messaging.schema.MigrationScripts.Applied;
import org.improvementhub.messaging.schema.MigrationScripts.Script;

/**
 * This service's council migrations as its class path holds them, and whether a council's applied
 * history holds exactly those: {@link MigrationScripts} decides, whether the scripts were read
 * without Flyway or listed by it.
 */
final class CouncilMigrationFiles {

  private final MigrationScripts scripts;
  private final boolean understood;

  private CouncilMigrationFiles(MigrationScripts scripts, boolean understood) {
    this.scripts = scripts;
    this.understood = understood;
  }

  /** From the scripts read off the class path without Flyway. */
  static CouncilMigrationFiles of(MigrationScripts scripts) {
    return new CouncilMigrationFiles(scripts, true);
  }

  /**
   * From Flyway's info against a history table that does not exist (every file pending). Anything
   * else there (a repeatable or Java migration, a state other than pending) is not understood here:
   * then no council counts as up to date, and Flyway checks every one, as before.
   */
  static CouncilMigrationFiles of(MigrationInfo[] all) {
    List<Script> versioned = new ArrayList<>();
    boolean understood = true;
    for (MigrationInfo info : all) {
      if (!info.isVersioned()
          || info.getState() != MigrationState.PENDING
          || info.getChecksum() == null) { // a Java migration: not a script we can compare
        understood = false;
        continue;
      }
      versioned.add(
          new Script(info.getVersion().getVersion(), info.getDescription(), info.getChecksum()));
    }
    return new CouncilMigrationFiles(MigrationScripts.of(versioned), understood);
  }

  /** The version a council holding every file is at ({@code "0"} if there are none). */
  String version() {
    return scripts.latestVersion();
  }

  /** Whether {@code applied} (one council's history rows) holds every file and nothing else. */
  boolean allAppliedIn(List<Applied> applied) {
    return understood && scripts.allAppliedIn(applied);
  }
}
