package org.improvementhub.portal.page;

import org.improvementhub.portal.services.RefusedAtService;
import org.improvementhub.portal.session.Person;

/**
 * The portal's own check before it shows a form or sends one: people whose role may not do it get
 * the refused page at once, without a call the service would refuse anyway.
 */
public final class Allowed {

  private Allowed() {}

  /** Adding and changing actions, drivers, risks and issues. */
  public static Person toEditThePlan(Person person) {
    if (!person.canEditPlan()) {
      throw new RefusedAtService("Editing the plan");
    }
    return person;
  }

  /** Users, roles, notification settings and the delivery log. */
  public static Person toAdminister(Person person) {
    if (!person.isCouncilAdmin()) {
      throw new RefusedAtService("Council administration");
    }
    return person;
  }
}
