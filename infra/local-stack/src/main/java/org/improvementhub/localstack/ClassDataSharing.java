package org.improvementhub.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Class data sharing for services started as processes (JDK 17 dynamic AppCDS archives), asked for
 * with {@code HUB_SERVICE_CDS=<folder>} (or {@code -Dhub.service.cds}). A start spends most of its
 * CPU reading, parsing and verifying some 15,000 classes from 100 jars; an archive holds them ready
 * to map. The first start of a service with no archive records one ({@code
 * -XX:ArchiveClassesAtExit}) that is written when it stops cleanly (SIGTERM, not a kill); every
 * later start maps it ({@code -XX:SharedArchiveFile}). The archive is made on this machine from the
 * project's own jars, never committed; one older than any jar it was made from is dropped and made
 * again. The JVM itself refuses an archive whose jars differ and then starts without it.
 *
 * <p>CDS reads classes from jars only, so with an archive the service's own jar ({@code mvn
 * package}) stands on the class path instead of {@code target/classes}; without that jar, or when
 * it is older than the classes, no archive is made or used.
 */
final class ClassDataSharing {

  private static final String RECORDING = ".recording-";

  private ClassDataSharing() {}

  /** The service's archive (existing or to be recorded), if archives are asked for and usable. */
  static Optional<Path> archiveOf(HubService service, Path module, Path classpathFile)
      throws IOException {
    String folder = System.getenv(ServiceProcess.CDS_FOLDER);
    if (folder == null || folder.isBlank()) {
      folder = System.getProperty("hub.service.cds");
    }
    if (folder == null || folder.isBlank()) {
      return Optional.empty();
    }
    Path jar = moduleJar(module);
    if (!Files.isRegularFile(jar)
        || newest(module.resolve("target/classes")).compareTo(modified(jar)) > 0) {
      return Optional.empty();
    }
    Path archive = Path.of(folder).toAbsolutePath().resolve(service.name() + ".jsa");
    Files.createDirectories(archive.getParent());
    if (Files.exists(archive) && modified(archive).compareTo(newestJar(jar, classpathFile)) < 0) {
      Files.delete(archive); // made from jars since rebuilt: record it again
    }
    return Optional.of(archive);
  }

  /** The JVM option that maps the archive, or records it at exit when there is none yet. */
  static String option(Path archive) {
    if (Files.exists(archive)) {
      return "-XX:SharedArchiveFile=" + archive;
    }
    // recorded under a name of its own and moved into place once the JVM has exited (see
    // recorded): two starts of one service never write the same file, nor is one read half written
    return "-XX:ArchiveClassesAtExit="
        + archive.resolveSibling(archive.getFileName() + RECORDING + UUID.randomUUID());
  }

  /** After the process exited: moves an archive it recorded into place. */
  static void recorded(java.util.List<String> command) {
    for (String option : command) {
      if (option.startsWith("-XX:ArchiveClassesAtExit=")) {
        Path recording = Path.of(option.substring("-XX:ArchiveClassesAtExit=".length()));
        String name = recording.getFileName().toString();
        Path archive = recording.resolveSibling(name.substring(0, name.indexOf(RECORDING)));
        try {
          if (Files.exists(recording)) {
            Files.move(
                recording,
                archive,
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** The command again, recording an archive only if the last run did not leave one. */
  static java.util.List<String> forRestart(java.util.List<String> command) {
    return command.stream()
        .map(
            option -> {
              if (!option.startsWith("-XX:ArchiveClassesAtExit=")) {
                return option;
              }
              String recording = option.substring("-XX:ArchiveClassesAtExit=".length());
              return option(Path.of(recording.substring(0, recording.indexOf(RECORDING))));
            })
        .toList();
  }

  /** The jar {@code mvn package} makes of the service module ({@code <module>-<version>.jar}). */
  static Path moduleJar(Path module) {
    String prefix = module.getFileName() + "-";
    try (Stream<Path> files = Files.list(module.resolve("target"))) {
      return files
          .filter(
              file -> {
                String name = file.getFileName().toString();
                return name.startsWith(prefix)
                    && name.endsWith(".jar")
                    && !name.endsWith("-sources.jar")
                    && !name.endsWith("-tests.jar")
                    && !name.endsWith("-javadoc.jar");
              })
          .findFirst()
          .orElse(module.resolve("target/" + prefix + "missing.jar"));
    } catch (IOException e) {
      return module.resolve("target/" + prefix + "missing.jar");
    }
  }

  private static FileTime newestJar(Path moduleJar, Path classpathFile) throws IOException {
    FileTime newest = modified(moduleJar);
    for (String entry : Files.readString(classpathFile).strip().split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isRegularFile(path) && modified(path).compareTo(newest) > 0) {
        newest = modified(path);
      }
    }
    return newest;
  }

  private static FileTime newest(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .map(ClassDataSharing::modifiedOrOldest)
          .max(FileTime::compareTo)
          .orElse(FileTime.fromMillis(0));
    }
  }

  private static FileTime modifiedOrOldest(Path file) {
    try {
      return modified(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static FileTime modified(Path file) throws IOException {
    return Files.getLastModifiedTime(file);
  }
}
