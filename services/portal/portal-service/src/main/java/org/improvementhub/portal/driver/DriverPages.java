package org.improvementhub.portal.driver;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.views.ModelAndView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.portal.page.Allowed;
import org.improvementhub.portal.page.Choice;
import org.improvementhub.portal.page.FormErrors;
import org.improvementhub.portal.page.FormField;
import org.improvementhub.portal.page.FormValues;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.page.PostedForm;
import org.improvementhub.portal.page.ServiceErrors;
import org.improvementhub.portal.services.CouncilAddress;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.services.PlanRegister;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.Sessions;

/** The drivers register, and adding or changing a driver (the plans service's drivers API). */
@Controller(value = "/councils/{council}/drivers", produces = MediaType.TEXT_HTML)
public class DriverPages {

  static final List<Choice> KINDS =
      List.of(
          new Choice("OFSTED_RECOMMENDATION", "Ofsted recommendation", "Refs like OR 13"),
          new Choice("IMPROVEMENT_NOTICE", "Improvement notice item", "Refs like IN 3.1"),
          new Choice("PEER_REVIEW", "Peer review finding", null),
          new Choice("OTHER", "Other", null));
  static final List<Choice> TIMEFRAMES =
      List.of(
          Choice.of("", "No timeframe"),
          Choice.of("IMMEDIATELY", "Immediately"),
          Choice.of("WITHIN_3_MONTHS", "Within 3 months"),
          Choice.of("WITHIN_6_MONTHS", "Within 6 months"),
          Choice.of("OTHER", "Other"));
  private static final FormField REF_FIELD = FormField.of("ref", "Ref");
  private static final ServiceErrors REFUSALS =
      ServiceErrors.against(REF_FIELD)
          .field(FormField.of("kind", "Kind"))
          .field(REF_FIELD)
          .field(FormField.of("text", "Driver"))
          .field(FormField.of("timeframe", "Timeframe"))
          .field(FormField.of("programmeId", "Programme"))
          .field(FormField.of("description", "Notes"));

  private final Sessions sessions;
  private final Pages pages;
  private final HubServices services;
  private final PlanRegister drivers;

  public DriverPages(Sessions sessions, Pages pages, HubServices services) {
    this.sessions = sessions;
    this.pages = pages;
    this.services = services;
    this.drivers = new PlanRegister(services, "drivers");
  }

  @Get
  public ModelAndView<Map<String, Object>> register(
      HttpRequest<?> request, @PathVariable String council) {
    Person person = sessions.person(request);
    String slug = CouncilAddress.slug(council);
    Map<String, Object> model = model(request, person, slug, "Drivers");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> driver : drivers.entries(person, drivers.address(slug))) {
      Map<String, Object> row = new HashMap<>(driver);
      row.put("kindText", Choice.textOf(KINDS, driver.get("kind")));
      row.put("timeframeText", Choice.textOf(TIMEFRAMES, driver.get("timeframe")));
      row.put("actionCount", driver.get("actionIds") instanceof List<?> ids ? ids.size() : 0);
      rows.add(row);
    }
    model.put("drivers", rows);
    return new ModelAndView<>("drivers", model);
  }

  @Get("/new")
  public ModelAndView<Map<String, Object>> newDriver(
      HttpRequest<?> request, @PathVariable String council) {
    Person person = Allowed.toEditThePlan(sessions.person(request));
    String slug = CouncilAddress.slug(council);
    return new ModelAndView<>(
        "driver-form", form(request, person, slug, null, new HashMap<>(), FormErrors.none()));
  }

  @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> add(
      HttpRequest<?> request, @PathVariable String council, @Body Map<String, String> body) {
    return save(request, council, null, body);
  }

  @Get("/{id}/edit")
  public ModelAndView<Map<String, Object>> edit(
      HttpRequest<?> request, @PathVariable String council, @PathVariable String id) {
    Person person = Allowed.toEditThePlan(sessions.person(request));
    String slug = CouncilAddress.slug(council);
    Map<String, Object> driver = drivers.entry(person, slug, id);
    Map<String, String> form =
        FormValues.of(
            driver, List.of("kind", "ref", "text", "timeframe", "programmeId", "description"));
    return new ModelAndView<>(
        "driver-form", form(request, person, slug, driver, form, FormErrors.none()));
  }

  @Post(value = "/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> change(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String id,
      @Body Map<String, String> body) {
    return save(request, council, id, body);
  }

  private HttpResponse<?> save(
      HttpRequest<?> request, String council, String id, Map<String, String> body) {
    PostedForm posted = PostedForm.read(sessions, request, body);
    Person person = Allowed.toEditThePlan(posted.person());
    String slug = CouncilAddress.slug(council);
    Map<String, Object> existing = id == null ? null : drivers.entry(person, slug, id);
    Map<String, String> form = posted.values();
    FormErrors errors = posted.errors();
    String kind =
        FormValues.chosen(form, "kind", KINDS, "Select where the driver comes from", errors);
    String ref = FormValues.ref(form, "OR 13", errors);
    String text = FormValues.required(form, "text", "Driver", 5000, errors);
    String description = FormValues.optional(form, "description", "Notes", 5000, errors);
    String timeframe =
        FormValues.chosen(
            form, "timeframe", TIMEFRAMES, "Select a timeframe from the list", errors);
    String programme = posted.value("programmeId");
    return posted.send(
        REFUSALS,
        () -> {
          Map<String, Object> driver = new LinkedHashMap<>();
          driver.put("kind", kind);
          driver.put("ref", ref);
          driver.put("text", text);
          driver.put("timeframe", timeframe.isEmpty() ? null : timeframe);
          driver.put("programmeId", programme.isEmpty() ? null : programme);
          driver.put("description", description);
          return drivers.save(person, slug, existing, driver, ref);
        },
        shown ->
            new ModelAndView<>("driver-form", form(request, person, slug, existing, form, shown)));
  }

  private Map<String, Object> form(
      HttpRequest<?> request,
      Person person,
      String slug,
      Map<String, Object> driver,
      Map<String, String> form,
      FormErrors errors) {
    Map<String, Object> model =
        model(
            request,
            person,
            slug,
            driver == null ? "Add a driver" : "Change driver " + driver.get("ref"));
    List<Choice> programmes = new ArrayList<>();
    programmes.add(Choice.of("", "Not tied to a programme"));
    for (Map<String, Object> programme :
        services.list(
            HubService.PLANS, "/councils/" + slug + "/programmes", person.accessToken())) {
      programmes.add(
          Choice.of(String.valueOf(programme.get("id")), String.valueOf(programme.get("name"))));
    }
    model.put("form", form);
    model.put("kinds", KINDS);
    model.put("timeframes", TIMEFRAMES);
    model.put("programmes", programmes);
    model.put("formAction", drivers.formAction(slug, driver));
    Pages.showErrors(model, errors);
    return model;
  }

  private Map<String, Object> model(
      HttpRequest<?> request, Person person, String slug, String title) {
    return pages.councilAfterForm(request, person, slug, title, "drivers");
  }
}
