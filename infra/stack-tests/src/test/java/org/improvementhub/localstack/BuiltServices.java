package org.improvementhub.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of every service's compiled classes and runtime classpath file, laid out as in the
 * repository, for ITs that start services as processes: a rebuild of a service module while the
 * test runs (another engineer's build) cannot pull its classes from under a running JVM.
 */
final class BuiltServices {

  private BuiltServices() {}

  /** A repository root holding the copies, to pass to {@link ServiceProcess#start}. */
  static Path copyFrom(Path repositoryRoot, Path into) {
    try {
      List<HubService> services = new ArrayList<>(HubService.all());
      services.add(HubService.PORTAL);
      for (HubService service : services) {
        Path module = service.moduleDirectory(repositoryRoot);
        Path copy = service.moduleDirectory(into);
        Path classes = module.resolve("target/classes");
        String mainClass = service.mainClass().replace('.', '/') + ".class";
        if (!Files.exists(classes.resolve(mainClass))) {
          throw new IllegalStateException(service.name() + " is not built: no " + mainClass);
        }
        copyTree(classes, copy.resolve("target/classes"));
        Files.copy(
            module.resolve("target/runtime-classpath.txt"),
            copy.resolve("target/runtime-classpath.txt"),
            StandardCopyOption.REPLACE_EXISTING);
      }
      return into;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
