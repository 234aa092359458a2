package org.improvementhub.tenancy.context;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A council's identifier in URLs, tokens and events ({@code west-sussex}). It is the only thing
 * that ever becomes part of a schema name, so it is validated once, here, and nowhere is a raw
 * string turned into SQL.
 */
@Serdeable
public record CouncilSlug(String value) {

  public static final String RULE = "^[a-z][a-z0-9-]{1,40}$";
  private static final Pattern PATTERN = Pattern.compile(RULE);
  private static final String SCHEMA_PREFIX = "council_";

  public CouncilSlug {
    if (!isValid(value)) {
      throw new InvalidCouncilSlugException(value);
    }
  }

  public static boolean isValid(@Nullable String value) {
    return value != null && PATTERN.matcher(value).matches();
  }

  public static CouncilSlug of(String value) {
    return new CouncilSlug(value);
  }

  public static Optional<CouncilSlug> parse(@Nullable String value) {
    return isValid(value) ? Optional.of(new CouncilSlug(value)) : Optional.empty();
  }

  /** The council's PostgreSQL schema: {@code council_} + slug with {@code -} as {@code _}. */
  public String schemaName() {
    return SCHEMA_PREFIX + value.replace('-', '_');
  }

  /** The slug whose schema this is, if the name is a council schema at all. */
  public static Optional<CouncilSlug> fromSchemaName(@Nullable String schema) {
    if (schema == null || !schema.startsWith(SCHEMA_PREFIX)) {
      return Optional.empty();
    }
    return parse(schema.substring(SCHEMA_PREFIX.length()).replace('_', '-'));
  }

  @Override
  public String toString() {
    return value;
  }
}
