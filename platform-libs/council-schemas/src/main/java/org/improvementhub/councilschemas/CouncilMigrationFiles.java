package org.improvementhub.councilschemas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.improvementhub.councilschemas.CouncilMigrationHistories.Applied;
import org.improvementhub.messaging.schema.MigrationScripts;

/**
 * This service's council migrations as its class path holds them (version, description, checksum),
 * and whether a council's applied history holds exactly those.
 */
final class CouncilMigrationFiles {

  private final Map<String, Applied> byVersion;
  private final String version;
  private final boolean understood;

  private CouncilMigrationFiles(
      Map<String, Applied> byVersion, String version, boolean understood) {
    this.byVersion = byVersion;
    this.version = version;
    this.understood = understood;
  }

  /** From the scripts read off the class path without Flyway (see {@code MigrationScripts}). */
  static CouncilMigrationFiles of(MigrationScripts scripts) {
    Map<String, Applied> byVersion = new HashMap<>();
    scripts
        .byVersion()
        .forEach(
            (version, script) ->
                byVersion.put(
                    version,
                    new Applied(version, script.description(), script.checksum(), null, true)));
    return new CouncilMigrationFiles(Map.copyOf(byVersion), scripts.latestVersion(), true);
  }

  /**
   * From Flyway's info against a history table that does not exist (every file pending). Anything
   * else there (a repeatable migration, a state other than pending) is not understood here: then no
   * council counts as up to date, and Flyway checks every one, as before.
   */
  static CouncilMigrationFiles of(MigrationInfo[] all) {
    Map<String, Applied> byVersion = new HashMap<>();
    List<MigrationInfo> versioned = new ArrayList<>();
    boolean understood = true;
    for (MigrationInfo info : all) {
      if (!info.isVersioned() || info.getState() != MigrationState.PENDING) {
        understood = false;
        continue;
      }
      versioned.add(info);
      String version = info.getVersion().getVersion();
      byVersion.put(
          version, new Applied(version, info.getDescription(), info.getChecksum(), null, true));
    }
    String latest =
        versioned.stream()
            .max((a, b) -> a.getVersion().compareTo(b.getVersion()))
            .map(info -> info.getVersion().getVersion())
            .orElse("0");
    return new CouncilMigrationFiles(Map.copyOf(byVersion), latest, understood);
  }

  /** The version a council holding every file is at ({@code "0"} if there are none). */
  String version() {
    return version;
  }

  /**
   * Whether {@code applied} (one council's history rows) holds every file, each successful with the
   * same checksum and description, beside at most the baseline at version 0 and nothing else.
   */
  boolean allAppliedIn(List<Applied> applied) {
    if (!understood) {
      return false;
    }
    Map<String, Applied> appliedByVersion = new HashMap<>();
    for (Applied row : applied) {
      if (!row.success()) {
        return false;
      }
      if (row.baseline()) {
        if (!"0".equals(row.version())) {
          return false;
        }
        continue;
      }
      if (row.version() == null || appliedByVersion.put(row.version(), row) != null) {
        return false;
      }
    }
    if (!appliedByVersion.keySet().equals(byVersion.keySet())) {
      return false;
    }
    for (Applied file : byVersion.values()) {
      Applied row = appliedByVersion.get(file.version());
      if (!Objects.equals(row.checksum(), file.checksum())
          || !Objects.equals(row.description(), file.description())) {
        return false;
      }
    }
    return true;
  }
}
