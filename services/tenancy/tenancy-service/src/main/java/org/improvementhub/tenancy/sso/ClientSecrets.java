package org.improvementhub.tenancy.sso;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds a council's client secret by its reference, at the moment it is needed: first an
 * environment variable of that name, then a file of that name in the secrets directory ({@code
 * hub.sso.secrets-dir}: a mounted Kubernetes Secret, or the local stack's folder). The secret is
 * never stored in the database, returned by the API or logged.
 */
@Singleton
class ClientSecrets {

  /** A name that is safe as an environment variable and as a file name in one directory. */
  static final Pattern REFERENCE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.-]{0,99}$");

  private final Function<String, String> environment;
  private final Optional<Path> directory;

  @Inject
  ClientSecrets(@Value("${hub.sso.secrets-dir:}") String directory) {
    this(System::getenv, directory);
  }

  ClientSecrets(Function<String, String> environment, String directory) {
    this.environment = environment;
    this.directory =
        directory == null || directory.isBlank()
            ? Optional.empty()
            : Optional.of(Path.of(directory));
  }

  Optional<String> find(String reference) {
    if (reference == null || !REFERENCE.matcher(reference).matches()) {
      return Optional.empty();
    }
    String fromEnvironment = environment.apply(reference);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(fromEnvironment.strip());
    }
    return directory
        .map(dir -> dir.resolve(reference))
        .filter(Files::isRegularFile)
        .map(this::read);
  }

  private String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("The client secret file " + file + " cannot be read", e);
    }
  }
}
