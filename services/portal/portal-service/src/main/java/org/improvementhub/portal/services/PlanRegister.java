package org.improvementhub.portal.services;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.improvementhub.portal.session.Person;

/**
 * A register the plans service keeps for each council and the portal edits an entry at a time (the
 * drivers register, the risk register): where it is, its entries, one entry, and saving one. The
 * driver and risk pages differ in their fields, not in how an entry is read and saved.
 *
 * @param name the register's last path segment, {@code drivers} or {@code risks}
 */
public record PlanRegister(HubServices services, String name) {

  /** The register's address at the plans service, and its page's in the portal. */
  public String address(String slug) {
    return "/councils/" + slug + "/" + name;
  }

  /** The entries at {@code path} (the register's address, perhaps with filters). */
  public List<Map<String, Object>> entries(Person person, String path) {
    return services.list(HubService.PLANS, path, person.accessToken());
  }

  /** The entry {@code id} as the caller may see it; another council's is not found. */
  public Map<String, Object> entry(Person person, String slug, String id) {
    return services.object(
        HubService.PLANS, address(slug) + "/" + CouncilAddress.id(id), person.accessToken());
  }

  /** Where the form posts: the new entry's form, or the changed one's. */
  public String formAction(String slug, @Nullable Map<String, Object> existing) {
    return address(slug) + "/" + (existing == null ? "new" : existing.get("id") + "/edit");
  }

  /**
   * Adds {@code entry}, or changes {@code existing} to it, and answers the register's page naming
   * {@code ref} in its "saved" banner.
   */
  public URI save(
      Person person,
      String slug,
      @Nullable Map<String, Object> existing,
      Map<String, Object> entry,
      String ref) {
    String base = address(slug);
    if (existing == null) {
      services.post(HubService.PLANS, base, person.accessToken(), entry);
    } else {
      services.put(HubService.PLANS, base + "/" + existing.get("id"), person.accessToken(), entry);
    }
    return URI.create(base + "?saved=" + URLEncoder.encode(ref, StandardCharsets.UTF_8));
  }
}
