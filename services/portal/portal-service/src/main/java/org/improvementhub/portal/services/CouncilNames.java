package org.improvementhub.portal.services;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.improvementhub.portal.session.Person;

/**
 * Councils' names from the tenancy service, for page captions. Names rarely change, so they are
 * remembered; the lookup is made with the person's own token the first time, and a council they may
 * not see is not found, like any other of its pages.
 */
@Singleton
public class CouncilNames {

  private final HubServices services;
  private final Map<String, String> names = new ConcurrentHashMap<>();

  public CouncilNames(HubServices services) {
    this.services = services;
  }

  public String name(Person person, String slug) {
    String known = names.get(slug);
    if (known != null) {
      return known;
    }
    Object name =
        services.object(HubService.TENANCY, "/councils/" + slug, person.accessToken()).get("name");
    String found = name == null ? CouncilAddress.displayName(slug) : String.valueOf(name);
    names.put(slug, found);
    return found;
  }
}
