package org.improvementhub.tenancy.sso;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.improvementhub.tenancy.context.HubRole;

/**
 * Turns the provider's roles claim into our council roles through the council's mapping. Values the
 * mapping does not list are ignored, and so is anything the mapping would turn into a role that is
 * not a council role: the provider cannot name {@code PLATFORM_ADMIN} or {@code DFE_OBSERVER}, nor
 * our role names directly unless the council mapped them.
 */
final class ProviderRoles {

  private ProviderRoles() {}

  /**
   * @param claim the claim's value: one string or a list of them (anything else counts as none)
   */
  static List<String> from(Object claim, Map<String, String> mapping) {
    Set<String> values = new LinkedHashSet<>();
    if (claim instanceof String one) {
      values.add(one);
    } else if (claim instanceof Collection<?> many) {
      many.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
    }
    Set<String> mapped = new LinkedHashSet<>();
    for (String value : values) {
      String role = mapping.get(value);
      if (role != null) {
        mapped.add(role);
      }
    }
    return CouncilSsoSettings.MAPPABLE_ROLES.stream()
        .map(HubRole::name)
        .filter(mapped::contains)
        .toList();
  }
}
