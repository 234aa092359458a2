package org.improvementhub.messaging.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * One migration location's versioned SQL scripts as the class path holds them (version,
 * description, checksum), read without Flyway, and whether a history table already holds exactly
 * those.
 *
 * <p>Why: Flyway's first use costs about a second of a service's start (its classes, its class path
 * scan), and at nearly every start nothing has changed. When the history already holds every script
 * with the same checksum and description, Flyway would do nothing; then it is not started at all.
 * Whenever anything differs (a new script, an edited one, a failed row, a layout this class does
 * not understand), Flyway runs exactly as before and migrates or refuses.
 *
 * <p>The checksum is Flyway's own: a CRC-32 of each line's UTF-8 bytes without its line break,
 * after a byte-order mark is dropped, kept as a signed int. A mismatch in how it is computed here
 * can only make a schema look changed (Flyway then runs), never make a changed one look current.
 */
public final class MigrationScripts {

  /** {@code V<version>__<description>.sql}, Flyway's default naming; anything else is not ours. */
  private static final Pattern VERSIONED =
      Pattern.compile("^V([0-9]+(?:[._][0-9]+)*)__(.+)\\.sql$");

  private static final String BASELINE = "BASELINE";
  private static final String SCHEMA_MARKER = "SCHEMA";

  private final Map<String, Script> byVersion;
  private final String latestVersion;

  private MigrationScripts(Map<String, Script> byVersion, String latestVersion) {
    this.byVersion = byVersion;
    this.latestVersion = latestVersion;
  }

  /** One versioned script, as Flyway would record it in its history. */
  public record Script(String version, String description, int checksum) {}

  /** One row of a Flyway history table. */
  public record Applied(
      String version, String description, Integer checksum, String type, boolean success) {}

  /**
   * The scripts under {@code location} (a class path folder such as {@code db/plans/council}).
   *
   * @return empty when the folder holds anything other than plain versioned SQL scripts in a
   *     directory or a jar (a repeatable script, a callback, a sub-folder, two scripts of one
   *     version): then Flyway must look itself
   */
  public static Optional<MigrationScripts> read(ClassLoader loader, String location) {
    try {
      Map<String, Script> byVersion = new HashMap<>();
      Enumeration<URL> folders = loader.getResources(location);
      while (folders.hasMoreElements()) {
        URL folder = folders.nextElement();
        Optional<List<String>> names = names(folder, location);
        if (names.isEmpty()) {
          return Optional.empty();
        }
        for (String name : names.get()) {
          Matcher matcher = VERSIONED.matcher(name);
          if (!matcher.matches()) {
            return Optional.empty();
          }
          String version = matcher.group(1).replace('_', '.');
          Script script =
              new Script(
                  version,
                  matcher.group(2).replace('_', ' '),
                  checksum(new URL(folder.toString() + "/" + name)));
          if (byVersion.put(version, script) != null) {
            return Optional.empty();
          }
        }
      }
      return Optional.of(of(byVersion.values()));
    } catch (IOException | UncheckedIOException | URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * Scripts known some other way (Flyway's own list of pending migrations, say).
   *
   * @throws IllegalStateException when two scripts have one version
   */
  public static MigrationScripts of(Collection<Script> scripts) {
    Map<String, Script> byVersion =
        scripts.stream().collect(Collectors.toUnmodifiableMap(Script::version, script -> script));
    String latest = byVersion.keySet().stream().max(MigrationScripts::compareVersions).orElse("0");
    return new MigrationScripts(byVersion, latest);
  }

  /** The scripts, by version. */
  public Map<String, Script> byVersion() {
    return byVersion;
  }

  /** The version a schema holding every script is at ({@code "0"} if there are none). */
  public String latestVersion() {
    return latestVersion;
  }

  /**
   * Whether {@code history} (one history table's rows) holds every script, each successful with the
   * same checksum and description, beside at most Flyway's own markers (a baseline at version 0,
   * the schema-creation row) and nothing else.
   */
  public boolean allAppliedIn(List<Applied> history) {
    Map<String, Applied> appliedByVersion = new HashMap<>();
    for (Applied row : history) {
      if (!row.success()) {
        return false;
      }
      if (SCHEMA_MARKER.equals(row.type())) {
        continue;
      }
      if (BASELINE.equals(row.type())) {
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
    for (Script script : byVersion.values()) {
      Applied row = appliedByVersion.get(script.version());
      if (!Objects.equals(row.checksum(), script.checksum())
          || !Objects.equals(row.description(), script.description())) {
        return false;
      }
    }
    return true;
  }

  /** The file names directly in the folder; empty when its kind or contents are not understood. */
  private static Optional<List<String>> names(URL folder, String location)
      throws IOException, URISyntaxException {
    List<String> names = new ArrayList<>();
    switch (folder.getProtocol()) {
      case "file" -> {
        try (Stream<Path> entries = Files.list(Path.of(folder.toURI()))) {
          for (Path entry : (Iterable<Path>) entries::iterator) {
            if (!Files.isRegularFile(entry)) {
              return Optional.empty(); // Flyway would look into sub-folders too
            }
            names.add(entry.getFileName().toString());
          }
        }
      }
      case "jar" -> {
        // the class loader's own cached jar: not closed here
        JarFile jar = ((JarURLConnection) folder.openConnection()).getJarFile();
        String prefix = location.endsWith("/") ? location : location + "/";
        for (JarEntry entry : Collections.list(jar.entries())) {
          String name = entry.getName();
          if (!name.startsWith(prefix) || name.length() == prefix.length()) {
            continue;
          }
          String rest = name.substring(prefix.length());
          if (rest.contains("/")) {
            return Optional.empty();
          }
          names.add(rest);
        }
      }
      default -> {
        return Optional.empty();
      }
    }
    names.sort(Comparator.naturalOrder());
    return Optional.of(names);
  }

  private static int checksum(URL script) throws IOException {
    CRC32 crc32 = new CRC32();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(script.openStream(), StandardCharsets.UTF_8), 4096)) {
      String line = reader.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      while (line != null) {
        crc32.update(line.getBytes(StandardCharsets.UTF_8));
        line = reader.readLine();
      }
    }
    return (int) crc32.getValue();
  }

  private static int compareVersions(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      BigInteger x = i < left.length ? new BigInteger(left[i]) : BigInteger.ZERO;
      BigInteger y = i < right.length ? new BigInteger(right[i]) : BigInteger.ZERO;
      int order = x.compareTo(y);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}
