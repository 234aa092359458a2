package org.improvementhub.portal.risk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.improvementhub.portal.page.Choice;
import org.improvementhub.portal.page.DateInput;
import org.improvementhub.portal.page.FormErrors;
import org.improvementhub.portal.page.FormValues;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.page.ServiceErrors;
import org.improvementhub.portal.services.CouncilAddress;
import org.improvementhub.portal.services.CouncilNames;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.services.InvalidAtService;
import org.improvementhub.portal.services.RefusedAtService;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.Sessions;

/** The risk register and issue log (plans' risks API): the list, adding and changing entries. */
@Controller("/councils/{council}/risks")
public class RiskPages {

  private static final Pattern REF = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9. \\-]*$");
  private static final List<Choice> KINDS =
      List.of(
          new Choice("RISK", "Risk", "Something that may happen: give its likelihood and impact"),
          new Choice("ISSUE", "Issue", "Something that has happened"));
  private static final List<Choice> STATUSES =
      List.of(
          Choice.of("OPEN", "Open"),
          Choice.of("MONITORING", "Monitoring"),
          Choice.of("CLOSED", "Closed"));
  private static final List<Choice> SCORES =
      List.of(
          Choice.of("", "Not scored"),
          Choice.of("1", "1 – very low"),
          Choice.of("2", "2 – low"),
          Choice.of("3", "3 – medium"),
          Choice.of("4", "4 – high"),
          Choice.of("5", "5 – very high"));
  private static final Map<String, String[]> SERVICE_FIELDS =
      Map.of(
          "kind", new String[] {"kind", "kind", "Kind"},
          "ref", new String[] {"ref", "ref", "Ref"},
          "description", new String[] {"description", "description", "Description"},
          "likelihood", new String[] {"likelihood", "likelihood", "Likelihood:"},
          "impact", new String[] {"impact", "impact", "Impact:"},
          "owner", new String[] {"owner", "owner", "Owner"},
          "mitigations", new String[] {"mitigations", "mitigations", "Mitigations"},
          "status", new String[] {"status", "status", "Status"},
          "reviewDate", new String[] {"reviewDate", "reviewDate-day", "Review date"});

  private final Sessions sessions;
  private final Pages pages;
  private final HubServices services;
  private final CouncilNames councils;

  public RiskPages(Sessions sessions, Pages pages, HubServices services, CouncilNames councils) {
    this.sessions = sessions;
    this.pages = pages;
    this.services = services;
    this.councils = councils;
  }

  @Get
  public ModelAndView<Map<String, Object>> register(
      HttpRequest<?> request,
      @PathVariable String council,
      @Nullable @QueryValue String kind,
      @Nullable @QueryValue String status) {
    Person person = sessions.person(request);
    String slug = CouncilAddress.slug(council);
    String chosenKind =
        KINDS.stream().map(Choice::value).filter(v -> v.equals(kind)).findFirst().orElse("");
    String chosenStatus =
        STATUSES.stream().map(Choice::value).filter(v -> v.equals(status)).findFirst().orElse("");
    UriBuilder uri = UriBuilder.of("/councils/").path(slug).path("risks");
    if (!chosenKind.isEmpty()) {
      uri.queryParam("kind", chosenKind);
    }
    if (!chosenStatus.isEmpty()) {
      uri.queryParam("status", chosenStatus);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> risk :
        services.list(HubService.PLANS, uri.toString(), person.accessToken())) {
      Map<String, Object> row = new HashMap<>(risk);
      row.put("kindText", label(KINDS, risk.get("kind")));
      row.put("statusText", label(STATUSES, risk.get("status")));
      rows.add(row);
    }
    Map<String, Object> model = model(request, person, slug, "Risks and issues");
    model.put("risks", rows);
    model.put("kindFilter", chosenKind);
    model.put("statusFilter", chosenStatus);
    model.put("kinds", KINDS);
    model.put("statuses", STATUSES);
    return new ModelAndView<>("risks", model);
  }

  @Get("/new")
  public ModelAndView<Map<String, Object>> newRisk(
      HttpRequest<?> request, @PathVariable String council) {
    Person person = editor(sessions.person(request));
    String slug = CouncilAddress.slug(council);
    Map<String, String> form = new HashMap<>();
    form.put("status", "OPEN");
    return new ModelAndView<>(
        "risk-form", form(request, person, slug, null, form, FormErrors.none()));
  }

  @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> add(
      HttpRequest<?> request, @PathVariable String council, @Body Map<String, String> body) {
    return save(request, council, null, body);
  }

  @Get("/{id}/edit")
  public ModelAndView<Map<String, Object>> edit(
      HttpRequest<?> request, @PathVariable String council, @PathVariable String id) {
    Person person = editor(sessions.person(request));
    String slug = CouncilAddress.slug(council);
    Map<String, Object> risk = risk(person, slug, CouncilAddress.id(id));
    Map<String, String> form = new HashMap<>();
    for (String field :
        List.of(
            "kind",
            "ref",
            "description",
            "likelihood",
            "impact",
            "owner",
            "mitigations",
            "status")) {
      form.put(field, FormValues.text(risk.get(field)));
    }
    DateInput.fill(form, "reviewDate", risk.get("reviewDate"));
    return new ModelAndView<>(
        "risk-form", form(request, person, slug, risk, form, FormErrors.none()));
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
    Person person = editor(sessions.signedInForm(request, body.get("csrf")).person());
    String slug = CouncilAddress.slug(council);
    Map<String, Object> existing = id == null ? null : risk(person, slug, CouncilAddress.id(id));
    Map<String, String> form = FormValues.of(body);
    FormErrors errors = FormErrors.none();
    String kind = form.getOrDefault("kind", "");
    if (KINDS.stream().noneMatch(k -> k.value().equals(kind))) {
      errors.add("kind", "kind", "Select whether this is a risk or an issue");
    }
    String ref = FormValues.required(form, "ref", "Ref", 20, errors);
    if (ref != null && !REF.matcher(ref).matches()) {
      errors.add("ref", "ref", "Ref must be letters, digits, spaces, dots and hyphens, like R 4");
    }
    String description = FormValues.required(form, "description", "Description", 5000, errors);
    Integer likelihood = score(form, "likelihood", "Likelihood", "RISK".equals(kind), errors);
    Integer impact = score(form, "impact", "Impact", "RISK".equals(kind), errors);
    String owner = FormValues.required(form, "owner", "Owner", 300, errors);
    String mitigations = FormValues.optional(form, "mitigations", "Mitigations", 10000, errors);
    String status = form.getOrDefault("status", "");
    if (STATUSES.stream().noneMatch(s -> s.value().equals(status))) {
      errors.add("status", "status", "Select the status");
    }
    LocalDate review = DateInput.from(form, "reviewDate", "Review date").check(errors, false);
    if (!errors.any()) {
      Map<String, Object> risk = new LinkedHashMap<>();
      risk.put("kind", kind);
      risk.put("ref", ref);
      risk.put("description", description);
      risk.put("likelihood", likelihood);
      risk.put("impact", impact);
      risk.put("owner", owner);
      risk.put("mitigations", mitigations);
      risk.put("status", status);
      risk.put("reviewDate", review);
      String base = "/councils/" + slug + "/risks";
      try {
        if (existing == null) {
          services.post(HubService.PLANS, base, person.accessToken(), risk);
        } else {
          services.put(
              HubService.PLANS, base + "/" + existing.get("id"), person.accessToken(), risk);
        }
        return HttpResponse.seeOther(
            URI.create(
                base
                    + "?saved="
                    + java.net.URLEncoder.encode(ref, java.nio.charset.StandardCharsets.UTF_8)));
      } catch (InvalidAtService refused) {
        errors = ServiceErrors.of(refused, SERVICE_FIELDS, SERVICE_FIELDS.get("ref"));
      }
    }
    return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(new ModelAndView<>("risk-form", form(request, person, slug, existing, form, errors)));
  }

  private static Integer score(
      Map<String, String> form, String name, String label, boolean required, FormErrors errors) {
    String value = form.getOrDefault(name, "");
    if (value.isEmpty()) {
      if (required) {
        errors.add(name, name, "Select the risk's " + label.toLowerCase() + ", 1 to 5");
      }
      return null;
    }
    if (!value.matches("[1-5]")) {
      errors.add(name, name, label + " must be from 1 to 5");
      return null;
    }
    return Integer.parseInt(value);
  }

  private Map<String, Object> form(
      HttpRequest<?> request,
      Person person,
      String slug,
      Map<String, Object> risk,
      Map<String, String> form,
      FormErrors errors) {
    Map<String, Object> model =
        model(
            request,
            person,
            slug,
            risk == null ? "Add a risk or issue" : "Change " + risk.get("ref"));
    model.put("form", form);
    model.put("kinds", KINDS);
    model.put("statuses", STATUSES);
    model.put("scores", SCORES);
    model.put(
        "formAction",
        "/councils/" + slug + "/risks/" + (risk == null ? "new" : risk.get("id") + "/edit"));
    Pages.showErrors(model, errors);
    return model;
  }

  private Map<String, Object> model(
      HttpRequest<?> request, Person person, String slug, String title) {
    Map<String, Object> model = pages.model(request, title, "risks");
    model.put("council", slug);
    model.put("councilName", councils.name(person, slug));
    model.put(
        "saved", request.getParameters().getFirst("saved").filter(s -> !s.isBlank()).orElse(null));
    return model;
  }

  private Map<String, Object> risk(Person person, String slug, UUID id) {
    return services.object(
        HubService.PLANS, "/councils/" + slug + "/risks/" + id, person.accessToken());
  }

  private static String label(List<Choice> choices, Object value) {
    return choices.stream()
        .filter(c -> c.value().equals(FormValues.text(value)))
        .map(Choice::text)
        .findFirst()
        .orElse("");
  }

  private static Person editor(Person person) {
    if (!person.canEditPlan()) {
      throw new RefusedAtService("Editing the plan");
    }
    return person;
  }
}
