package org.improvementhub.notifications.action;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.improvementhub.plans.events.PlanPerson;

/** Writes and reads the leads column (a JSON array of people). */
@Singleton
public class ActionLeads {

  private static final io.micronaut.core.type.Argument<List<PlanPerson>> PEOPLE =
      io.micronaut.core.type.Argument.listOf(PlanPerson.class);

  private final ObjectMapper json;

  public ActionLeads(ObjectMapper json) {
    this.json = json;
  }

  public String write(List<PlanPerson> leads) {
    try {
      return json.writeValueAsString(
          PEOPLE, leads == null ? List.of() : leads.stream().filter(Objects::nonNull).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<PlanPerson> read(TrackedAction action) {
    try {
      List<PlanPerson> people = json.readValue(action.leads(), PEOPLE);
      return people == null ? List.of() : people;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
