package org.improvementhub.portal.action;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.improvementhub.portal.page.Allowed;
import org.improvementhub.portal.page.Choice;
import org.improvementhub.portal.page.DateInput;
import org.improvementhub.portal.page.FormErrors;
import org.improvementhub.portal.page.FormField;
import org.improvementhub.portal.page.FormValues;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.page.PostedForm;
import org.improvementhub.portal.page.ServiceErrors;
import org.improvementhub.portal.services.CouncilAddress;
import org.improvementhub.portal.services.FieldProblem;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.services.InvalidAtService;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.Sessions;

/**
 * Adding an action, changing its details (title, description, success criteria, leads, start date,
 * drivers) and revising its due date with a reason. The due date is never simply edited: the plans
 * service keeps each revision and its reason, and the RAG changes only by progress report.
 */
@Controller(value = "/councils/{council}/actions", produces = MediaType.TEXT_HTML)
public class ActionForms {

  private static final Pattern REF = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9.\\-]*$");
  private static final String DRIVER = "driver-";
  private static final FormField REF_FIELD = FormField.of("ref", "Ref");
  private static final FormField TITLE = FormField.of("title", "Title");
  private static final FormField LEADS = FormField.of("leads", "Leads");
  private static final FormField PLACE = FormField.of("place", "Where it sits");
  private static final FormField NEW_DUE_DATE =
      new FormField("dueDate", "dueDate-day", "New due date");

  /** A change of details the service refused; what it names of no field goes against the title. */
  private static final ServiceErrors CHANGE_REFUSED =
      ServiceErrors.against(TITLE)
          .field(REF_FIELD)
          .field(TITLE)
          .field(LEADS)
          .field("lead", LEADS)
          .field(new FormField("dueDate", "dueDate-day", "Due date"))
          .field(new FormField("startDate", "startDate-day", "Start date"))
          .field(FormField.of("description", "Description"))
          .field(FormField.of("successCriteria", "Success criteria"))
          .field("parentId", PLACE)
          .field("programmeId", PLACE);

  /** A new action the service refused; what it names of no field goes against the ref. */
  private static final ServiceErrors ADD_REFUSED = CHANGE_REFUSED.otherwise(REF_FIELD);

  private static final ServiceErrors REVISION_REFUSED =
      ServiceErrors.against(NEW_DUE_DATE)
          .field(NEW_DUE_DATE)
          .field(FormField.of("reason", "Reason"));

  private final Sessions sessions;
  private final Pages pages;
  private final HubServices services;
  private final PlanPlaces places;

  public ActionForms(Sessions sessions, Pages pages, HubServices services, PlanPlaces places) {
    this.sessions = sessions;
    this.pages = pages;
    this.services = services;
    this.places = places;
  }

  @Get("/new")
  public ModelAndView<Map<String, Object>> newAction(
      HttpRequest<?> request, @PathVariable String council) {
    Person person = Allowed.toEditThePlan(sessions.person(request));
    String slug = CouncilAddress.slug(council);
    return new ModelAndView<>(
        "action-form", newModel(request, person, slug, new HashMap<>(), FormErrors.none()));
  }

  @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> add(
      HttpRequest<?> request, @PathVariable String council, @Body Map<String, String> body) {
    PostedForm posted = PostedForm.read(sessions, request, body);
    Person person = Allowed.toEditThePlan(posted.person());
    String slug = CouncilAddress.slug(council);
    Map<String, String> form = posted.values();
    FormErrors errors = posted.errors();
    String ref = posted.value("ref");
    if (ref.isEmpty()) {
      errors.add("ref", "ref", "Enter the action's ref, such as 2.1.3");
    } else if (ref.length() > 20 || !REF.matcher(ref).matches()) {
      errors.add(
          "ref", "ref", "Ref must be up to 20 letters, digits, dots and hyphens, such as 2.1.3");
    }
    Map<String, Object> action = details(form, errors, true);
    LocalDate due = DateInput.from(form, "dueDate", "Due date").check(errors, true);
    String place = form.getOrDefault("place", PlanPlaces.NOWHERE);
    return posted.send(
        ADD_REFUSED,
        () -> {
          action.put("ref", ref);
          action.put("dueDate", due);
          if (!place.isEmpty()) {
            String[] parts = place.split("/", 2);
            action.put("programmeId", parts[0]);
            action.put("parentId", parts.length > 1 ? parts[1] : null);
          }
          Map<String, Object> created =
              services.post(
                  HubService.PLANS, "/councils/" + slug + "/actions", person.accessToken(), action);
          String id = String.valueOf(created.get("id"));
          linkDrivers(person, slug, id, form);
          return saved(slug, id);
        },
        shown -> new ModelAndView<>("action-form", newModel(request, person, slug, form, shown)));
  }

  @Get("/{id}/edit")
  public ModelAndView<Map<String, Object>> edit(
      HttpRequest<?> request, @PathVariable String council, @PathVariable String id) {
    Person person = Allowed.toEditThePlan(sessions.person(request));
    String slug = CouncilAddress.slug(council);
    UUID actionId = CouncilAddress.id(id);
    Map<String, Object> action = action(person, slug, actionId);
    Map<String, String> form = new HashMap<>();
    form.put("title", text(action.get("title")));
    form.put("description", text(action.get("description")));
    form.put("successCriteria", text(action.get("successCriteria")));
    form.put("leads", Leads.text(action.get("leads")));
    DateInput.fill(form, "startDate", action.get("startDate"));
    form.put("place", place(action));
    for (Map<String, Object> driver : drivers(person, slug)) {
      if (driver.get("actionIds") instanceof List<?> ids && ids.contains(actionId.toString())) {
        form.put(DRIVER + driver.get("id"), "yes");
      }
    }
    return new ModelAndView<>(
        "action-form", editModel(request, person, slug, action, form, FormErrors.none()));
  }

  @Post(value = "/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> change(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String id,
      @Body Map<String, String> body) {
    PostedForm posted = PostedForm.read(sessions, request, body);
    Person person = Allowed.toEditThePlan(posted.person());
    String slug = CouncilAddress.slug(council);
    UUID actionId = CouncilAddress.id(id);
    Map<String, Object> action = action(person, slug, actionId);
    Map<String, String> form = posted.values();
    Map<String, Object> change = details(form, posted.errors(), false);
    return posted.send(
        CHANGE_REFUSED,
        () -> {
          services.patch(
              HubService.PLANS,
              "/councils/" + slug + "/actions/" + actionId,
              person.accessToken(),
              change);
          move(person, slug, action, form.getOrDefault("place", place(action)));
          linkDrivers(person, slug, actionId.toString(), form);
          return saved(slug, actionId.toString());
        },
        shown ->
            new ModelAndView<>(
                "action-form", editModel(request, person, slug, action, form, shown)));
  }

  @Get("/{id}/due-date")
  public ModelAndView<Map<String, Object>> dueDate(
      HttpRequest<?> request, @PathVariable String council, @PathVariable String id) {
    Person person = Allowed.toEditThePlan(sessions.person(request));
    String slug = CouncilAddress.slug(council);
    UUID actionId = CouncilAddress.id(id);
    Map<String, Object> action = action(person, slug, actionId);
    return new ModelAndView<>(
        "due-date",
        dueDateModel(request, person, slug, action, new HashMap<>(), FormErrors.none()));
  }

  @Post(value = "/{id}/due-date", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> revise(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String id,
      @Body Map<String, String> body) {
    PostedForm posted = PostedForm.read(sessions, request, body);
    Person person = Allowed.toEditThePlan(posted.person());
    String slug = CouncilAddress.slug(council);
    UUID actionId = CouncilAddress.id(id);
    Map<String, Object> action = action(person, slug, actionId);
    Map<String, String> form = posted.values();
    FormErrors errors = posted.errors();
    LocalDate due = DateInput.from(form, "dueDate", "New due date").check(errors, true);
    String reason = posted.value("reason");
    if (reason.isEmpty()) {
      errors.add("reason", "reason", "Enter why the due date is changing");
    } else if (reason.length() > 2000) {
      errors.add("reason", "reason", "Reason must be 2000 characters or fewer");
    }
    return posted.send(
        REVISION_REFUSED,
        () -> {
          Map<String, Object> revision = new LinkedHashMap<>();
          revision.put("dueDate", due);
          revision.put("reason", reason);
          services.post(
              HubService.PLANS,
              "/councils/" + slug + "/actions/" + actionId + "/due-date-revisions",
              person.accessToken(),
              revision);
          return saved(slug, actionId.toString());
        },
        shown ->
            new ModelAndView<>(
                "due-date", dueDateModel(request, person, slug, action, form, shown)));
  }

  /** Title, description, success criteria, leads and start date, checked; added to errors. */
  private static Map<String, Object> details(
      Map<String, String> form, FormErrors errors, boolean adding) {
    Map<String, Object> details = new LinkedHashMap<>();
    String title = form.getOrDefault("title", "");
    if (title.isEmpty()) {
      errors.add("title", "title", "Enter the action's title");
    } else if (title.length() > 500) {
      errors.add("title", "title", "Title must be 500 characters or fewer");
    }
    details.put("title", title);
    for (String[] field :
        List.of(
            new String[] {"description", "Description"},
            new String[] {"successCriteria", "Success criteria"})) {
      String value = form.getOrDefault(field[0], "");
      if (value.length() > 5000) {
        errors.add(field[0], field[0], field[1] + " must be 5000 characters or fewer");
      }
      details.put(field[0], value.isEmpty() && adding ? null : value);
    }
    List<Map<String, Object>> leads = Leads.parse(form.getOrDefault("leads", ""), errors);
    if (!errors.has(Leads.FIELD)) {
      if (leads.isEmpty()) {
        errors.add(Leads.FIELD, Leads.FIELD, "Enter at least one lead");
      }
      details.put("leads", leads);
    }
    details.put("startDate", DateInput.from(form, "startDate", "Start date").check(errors, false));
    return details;
  }

  /** Where the action sits now, as the "where it sits" choices name it. */
  private static String place(Map<String, Object> action) {
    return action.get("programmeId") == null
        ? PlanPlaces.NOWHERE
        : action.get("programmeId") + "/" + FormValues.text(action.get("parentId"));
  }

  /**
   * Moves the action under another item of its programme's plan, last among its new siblings (the
   * plans service puts a position past the end at the end). An action cannot change programme.
   */
  private void move(Person person, String slug, Map<String, Object> action, String wanted) {
    String now = place(action);
    if (wanted.equals(now) || action.get("programmeId") == null) {
      return;
    }
    String[] parts = wanted.split("/", 2);
    if (!parts[0].equals(String.valueOf(action.get("programmeId")))) {
      throw new InvalidAtService(
          "An action stays in its programme",
          List.of(new FieldProblem("parentId", "must be an item of the action's own programme")));
    }
    Map<String, Object> placement = new LinkedHashMap<>();
    placement.put("parentId", parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null);
    placement.put("position", Integer.MAX_VALUE);
    services.put(
        HubService.PLANS,
        "/councils/" + slug + "/actions/" + action.get("id") + "/placement",
        person.accessToken(),
        placement);
  }

  /** Links the action to the drivers ticked and unlinks it from those not. */
  private void linkDrivers(Person person, String slug, String actionId, Map<String, String> form) {
    for (Map<String, Object> driver : drivers(person, slug)) {
      boolean linked = driver.get("actionIds") instanceof List<?> ids && ids.contains(actionId);
      boolean ticked = "yes".equals(form.get(DRIVER + driver.get("id")));
      String path = "/councils/" + slug + "/drivers/" + driver.get("id") + "/actions/" + actionId;
      if (ticked && !linked) {
        services.putEmpty(HubService.PLANS, path, person.accessToken());
      } else if (!ticked && linked) {
        services.delete(HubService.PLANS, path, person.accessToken());
      }
    }
  }

  private Map<String, Object> newModel(
      HttpRequest<?> request,
      Person person,
      String slug,
      Map<String, String> form,
      FormErrors errors) {
    Map<String, Object> model = model(request, person, slug, "Add an action", form, errors);
    model.put("adding", true);
    model.put("places", places.choices(person, slug));
    model.put("formAction", "/councils/" + slug + "/actions/new");
    model.put("back", "/councils/" + slug + "/plan");
    return model;
  }

  private Map<String, Object> editModel(
      HttpRequest<?> request,
      Person person,
      String slug,
      Map<String, Object> action,
      Map<String, String> form,
      FormErrors errors) {
    Map<String, Object> model =
        model(request, person, slug, "Change action " + action.get("ref"), form, errors);
    model.put("adding", false);
    model.put("action", action);
    String programme = String.valueOf(action.get("programmeId"));
    model.put(
        "places",
        action.get("programmeId") == null
            ? List.of()
            : places.choices(person, slug).stream()
                .filter(c -> c.value().startsWith(programme + "/"))
                .toList());
    model.put("formAction", "/councils/" + slug + "/actions/" + action.get("id") + "/edit");
    model.put("back", "/councils/" + slug + "/actions/" + action.get("id"));
    return model;
  }

  private Map<String, Object> dueDateModel(
      HttpRequest<?> request,
      Person person,
      String slug,
      Map<String, Object> action,
      Map<String, String> form,
      FormErrors errors) {
    Map<String, Object> model =
        model(request, person, slug, "Change the due date of " + action.get("ref"), form, errors);
    model.put("action", action);
    model.put(
        "revisions",
        services.list(
            HubService.PLANS,
            "/councils/" + slug + "/actions/" + action.get("id") + "/due-date-revisions",
            person.accessToken()));
    model.put("back", "/councils/" + slug + "/actions/" + action.get("id"));
    return model;
  }

  private Map<String, Object> model(
      HttpRequest<?> request,
      Person person,
      String slug,
      String title,
      Map<String, String> form,
      FormErrors errors) {
    Map<String, Object> model = pages.council(request, person, slug, title, "plan");
    model.put("form", form);
    model.put(
        "driverChoices",
        drivers(person, slug).stream()
            .map(d -> Choice.of(String.valueOf(d.get("id")), d.get("ref") + " " + d.get("text")))
            .toList());
    Pages.showErrors(model, errors);
    return model;
  }

  private Map<String, Object> action(Person person, String slug, UUID id) {
    return services.object(
        HubService.PLANS, "/councils/" + slug + "/actions/" + id, person.accessToken());
  }

  private List<Map<String, Object>> drivers(Person person, String slug) {
    return services.list(HubService.PLANS, "/councils/" + slug + "/drivers", person.accessToken());
  }

  private static URI saved(String slug, String id) {
    return URI.create("/councils/" + slug + "/actions/" + id + "?saved=yes");
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  /** Only those who may edit the plan get its forms; anyone else gets the refused page. */
}
