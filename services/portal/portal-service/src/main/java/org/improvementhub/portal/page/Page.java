package org.improvementhub.portal.page;

import java.util.ArrayList;
import java.util.List;
import org.improvementhub.portal.session.Person;

/**
 * What the layout needs on every page: its title, who is signed in (or null), the session's form
 * token for the sign-out button and the page's forms, and which section is current.
 *
 * @param hasErrors puts "Error: " before the title, so screen readers hear it first (GOV.UK
 *     validation pattern)
 */
public record Page(String title, Person person, String csrf, String section, boolean hasErrors) {

  public Page withErrors(boolean errors) {
    return new Page(title, person, csrf, section, errors);
  }

  public String documentTitle() {
    return (hasErrors ? "Error: " : "") + title + " – Improvement Hub";
  }

  public boolean signedIn() {
    return person != null;
  }

  public boolean canWrite() {
    return person != null && person.canWrite();
  }

  public boolean canEditPlan() {
    return person != null && person.canEditPlan();
  }

  public List<NavItem> navigation() {
    List<NavItem> items = new ArrayList<>();
    if (person == null) {
      return items;
    }
    if (person.council() != null) {
      String council = "/councils/" + person.council();
      items.add(new NavItem("Overview", council, "overview".equals(section)));
      items.add(new NavItem("Plan", council + "/plan", "plan".equals(section)));
      items.add(new NavItem("Measures", council + "/measures", "measures".equals(section)));
      items.add(
          new NavItem(
              "Board reports", council + "/board-reports", "board-reports".equals(section)));
      items.add(
          new NavItem("Import and export", council + "/plan-files", "plan-files".equals(section)));
      items.add(new NavItem("Drivers", council + "/drivers", "drivers".equals(section)));
      items.add(new NavItem("Risks and issues", council + "/risks", "risks".equals(section)));
      if (person.isCouncilAdmin()) {
        items.add(new NavItem("Admin", council + "/admin/users", "admin".equals(section)));
      }
    }
    if (person.isObserver() || person.roles().contains("PLATFORM_ADMIN")) {
      items.add(new NavItem("Councils", "/oversight", "oversight".equals(section)));
    }
    return items;
  }
}
