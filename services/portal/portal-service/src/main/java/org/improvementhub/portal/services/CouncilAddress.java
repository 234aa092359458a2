package org.improvementhub.portal.services;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks the parts of a page address before they go into an API path: anything that is not a
 * council slug or an id is simply not found, as the services would answer.
 */
public final class CouncilAddress {

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

  private CouncilAddress() {}

  public static String slug(String council) {
    if (council == null || !SLUG.matcher(council).matches()) {
      throw new NotFoundAtService("Council " + council);
    }
    return council;
  }

  public static UUID id(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new NotFoundAtService("Record " + id);
    }
  }

  /** "west-sussex" as "West Sussex", until the tenancy service lets council users read names. */
  public static String displayName(String slug) {
    StringBuilder name = new StringBuilder();
    for (String word : slug.split("-")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!name.isEmpty()) {
        name.append(' ');
      }
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return name.toString();
  }
}
