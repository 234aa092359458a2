package org.improvementhub.portal.risk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.views.ModelAndView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.services.PlanRegister;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.Sessions;

/** The risk register and issue log (plans' risks API): the list, adding and changing entries. */
@Controller(value = "/councils/{council}/risks", produces = MediaType.TEXT_HTML)
public class RiskPages {

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
  private static final FormField REF_FIELD = FormField.of("ref", "Ref");
  private static final ServiceErrors REFUSALS =
      ServiceErrors.against(REF_FIELD)
          .field(FormField.of("kind", "Kind"))
          .field(REF_FIELD)
          .field(FormField.of("description", "Description"))
          .field(FormField.of("likelihood", "Likelihood:"))
          .field(FormField.of("impact", "Impact:"))
          .field(FormField.of("owner", "Owner"))
          .field(FormField.of("mitigations", "Mitigations"))
          .field(FormField.of("status", "Status"))
          .field(new FormField("reviewDate", "reviewDate-day", "Review date"));

  private final Sessions sessions;
  private final Pages pages;
  private final PlanRegister risks;

  public RiskPages(Sessions sessions, Pages pages, HubServices services) {
    this.sessions = sessions;
    this.pages = pages;
    this.risks = new PlanRegister(services, "risks");
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
    UriBuilder uri = UriBuilder.of(risks.address(slug));
    if (!chosenKind.isEmpty()) {
      uri.queryParam("kind", chosenKind);
    }
    if (!chosenStatus.isEmpty()) {
      uri.queryParam("status", chosenStatus);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> risk : risks.entries(person, uri.toString())) {
      Map<String, Object> row = new HashMap<>(risk);
      row.put("kindText", Choice.textOf(KINDS, risk.get("kind")));
      row.put("statusText", Choice.textOf(STATUSES, risk.get("status")));
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
    Person person = Allowed.toEditThePlan(sessions.person(request));
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
    Person person = Allowed.toEditThePlan(sessions.person(request));
    String slug = CouncilAddress.slug(council);
    Map<String, Object> risk = risks.entry(person, slug, id);
    Map<String, String> form =
        FormValues.of(
            risk,
            List.of(
                "kind",
                "ref",
                "description",
                "likelihood",
                "impact",
                "owner",
                "mitigations",
                "status"));
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
    PostedForm posted = PostedForm.read(sessions, request, body);
    Person person = Allowed.toEditThePlan(posted.person());
    String slug = CouncilAddress.slug(council);
    Map<String, Object> existing = id == null ? null : risks.entry(person, slug, id);
    Map<String, String> form = posted.values();
    FormErrors errors = posted.errors();
    String kind =
        FormValues.chosen(form, "kind", KINDS, "Select whether this is a risk or an issue", errors);
    String ref = FormValues.ref(form, "R 4", errors);
    String description = FormValues.required(form, "description", "Description", 5000, errors);
    Integer likelihood = score(form, "likelihood", "Likelihood", "RISK".equals(kind), errors);
    Integer impact = score(form, "impact", "Impact", "RISK".equals(kind), errors);
    String owner = FormValues.required(form, "owner", "Owner", 300, errors);
    String mitigations = FormValues.optional(form, "mitigations", "Mitigations", 10000, errors);
    String status = FormValues.chosen(form, "status", STATUSES, "Select the status", errors);
    LocalDate review = DateInput.from(form, "reviewDate", "Review date").check(errors, false);
    return posted.send(
        REFUSALS,
        () -> {
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
          return risks.save(person, slug, existing, risk, ref);
        },
        shown ->
            new ModelAndView<>("risk-form", form(request, person, slug, existing, form, shown)));
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
    model.put("formAction", risks.formAction(slug, risk));
    Pages.showErrors(model, errors);
    return model;
  }

  private Map<String, Object> model(
      HttpRequest<?> request, Person person, String slug, String title) {
    return pages.councilAfterForm(request, person, slug, title, "risks");
  }
}
