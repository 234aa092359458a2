package org.improvementhub.tenancy.context;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the council named by a council API path, {@code /councils/{council}/…}. */
public final class CouncilPaths {

  private static final Pattern COUNCIL_PATH = Pattern.compile("^/councils/([^/]+)(?:/.*)?$");

  private CouncilPaths() {}

  /**
   * The raw council segment of a path, if the path is a council path. The segment is not yet
   * validated: callers treat an invalid one as an unknown council.
   */
  public static Optional<String> councilSegment(String path) {
    Matcher matcher = COUNCIL_PATH.matcher(path);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
