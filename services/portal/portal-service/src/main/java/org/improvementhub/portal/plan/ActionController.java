package org.improvementhub.portal.plan;

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
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.improvementhub.portal.measure.CouncilMeasures;
import org.improvementhub.portal.page.FormErrors;
import org.improvementhub.portal.page.FormField;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.page.PostedForm;
import org.improvementhub.portal.page.RagStatus;
import org.improvementhub.portal.page.ServiceErrors;
import org.improvementhub.portal.services.CouncilAddress;
import org.improvementhub.portal.services.CouncilNames;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.services.RefusedAtService;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.Sessions;

/**
 * An action's page (details, leads, drivers, progress history, audit trail) and reporting its
 * progress for the period: a RAG status and a review note.
 */
@Controller(value = "/councils/{council}/actions/{id}", produces = MediaType.TEXT_HTML)
public class ActionController {

  private static final Pattern PERIOD = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");
  private static final int NOTE_LIMIT = 10000;
  private static final int AUDIT_PAGE = 50;

  /** The plans API's words for the form's fields; anything else is about the period. */
  private static final ServiceErrors REFUSALS =
      ServiceErrors.against(FormField.of("period", "period"))
          .field("ragStatus", new FormField("rag", "rag", "ragStatus"))
          .field(FormField.of("note", "note"));

  private final Sessions sessions;
  private final Pages pages;
  private final HubServices services;
  private final CouncilActions actions;
  private final CouncilNames councils;
  private final CouncilMeasures measures;

  public ActionController(
      Sessions sessions,
      Pages pages,
      HubServices services,
      CouncilActions actions,
      CouncilNames councils,
      CouncilMeasures measures) {
    this.councils = councils;
    this.measures = measures;
    this.sessions = sessions;
    this.pages = pages;
    this.services = services;
    this.actions = actions;
  }

  @Get
  public ModelAndView<Map<String, Object>> show(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String id,
      @Nullable @QueryValue String reported,
      @Nullable @QueryValue String saved) {
    Person person = sessions.person(request);
    Map<String, Object> model = model(request, person, council, id);
    model.put("reported", "yes".equals(reported));
    model.put("saved", "yes".equals(saved));
    model.put("form", ProgressForm.blank(defaultPeriod(model)));
    return new ModelAndView<>("action", model);
  }

  @Post(value = "/progress", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> report(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String id,
      @Body Map<String, String> body) {
    PostedForm posted = PostedForm.read(sessions, request, body);
    Person person = posted.person();
    String slug = CouncilAddress.slug(council);
    UUID actionId = CouncilAddress.id(id);
    if (!person.canWrite()) {
      throw new RefusedAtService("Progress report");
    }
    ProgressForm form =
        new ProgressForm(posted.value("period"), posted.value("rag"), posted.value("note"));
    posted.errors().addAll(check(form));
    return posted.send(
        REFUSALS,
        () -> {
          Map<String, Object> report = new LinkedHashMap<>();
          report.put("period", form.period());
          report.put("ragStatus", form.rag());
          report.put("note", form.note());
          services.post(
              HubService.PLANS,
              "/councils/" + slug + "/actions/" + actionId + "/progress-reports",
              person.accessToken(),
              report);
          return URI.create("/councils/" + slug + "/actions/" + actionId + "?reported=yes");
        },
        shown -> {
          Map<String, Object> model = model(request, person, slug, id);
          model.put("reported", false);
          model.put("saved", false);
          model.put("form", form);
          Pages.showErrors(model, shown);
          return new ModelAndView<>("action", model);
        });
  }

  /**
   * The period a report is most likely for: this month, or for a programme the latest of its
   * periods that has begun (its first, if none has).
   */
  @SuppressWarnings("unchecked")
  private String defaultPeriod(Map<String, Object> model) {
    String thisMonth = YearMonth.from(actions.today()).toString();
    List<Map<String, Object>> periods = (List<Map<String, Object>>) model.get("periods");
    if (periods.isEmpty()) {
      return thisMonth;
    }
    String chosen = String.valueOf(periods.get(0).get("key"));
    for (Map<String, Object> period : periods) {
      String key = String.valueOf(period.get("key"));
      if (key.compareTo(thisMonth) <= 0) {
        chosen = key;
      }
    }
    return chosen;
  }

  private static FormErrors check(ProgressForm form) {
    FormErrors errors = FormErrors.none();
    if (form.period().isEmpty()) {
      errors.add("period", "period", "Enter the reporting period, for example 2026-11");
    } else if (!PERIOD.matcher(form.period()).matches()) {
      errors.add("period", "period", "Reporting period must be a year and month, like 2026-11");
    }
    RagStatus rag = RagStatus.of(form.rag());
    if (rag == null) {
      errors.add("rag", "rag", "Select the action's status for this period");
    }
    if ((rag == RagStatus.RED || rag == RagStatus.AMBER) && form.note().isEmpty()) {
      errors.add(
          "note",
          "note",
          "Enter a review note saying why the action is " + rag.label() + " and what happens next");
    }
    if (form.note().length() > NOTE_LIMIT) {
      errors.add("note", "note", "Review note must be " + NOTE_LIMIT + " characters or fewer");
    }
    return errors;
  }

  /** The audit trail page asked for, 1 when none or a nonsense one is. */
  private static int auditPage(HttpRequest<?> request) {
    try {
      return Math.max(
          1,
          Math.min(
              100_000, Integer.parseInt(request.getParameters().getFirst("audit").orElse("1"))));
    } catch (NumberFormatException notANumber) {
      return 1;
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> model(
      HttpRequest<?> request, Person person, String council, String id) {
    String slug = CouncilAddress.slug(council);
    UUID actionId = CouncilAddress.id(id);
    String token = person.accessToken();
    String base = "/councils/" + slug;
    Map<String, Object> programmeFacts = new LinkedHashMap<>();
    Map<String, Object> action =
        services.object(HubService.PLANS, base + "/actions/" + actionId, token);
    List<Map<String, Object>> progress =
        services.list(HubService.PLANS, base + "/actions/" + actionId + "/progress-reports", token);
    List<Map<String, Object>> drivers =
        services.list(HubService.PLANS, base + "/drivers", token).stream()
            .filter(
                driver ->
                    driver.get("actionIds") instanceof List<?> ids
                        && ids.contains(actionId.toString()))
            .toList();
    // the audit trail a page of AUDIT_PAGE entries at a time (?audit=2 for the second)
    int auditPage = auditPage(request);
    Map<String, Object> audit =
        services.object(
            HubService.PLANS,
            base
                + "/audit?recordId="
                + actionId
                + "&size="
                + AUDIT_PAGE
                + "&page="
                + (auditPage - 1),
            token);
    List<Map<String, Object>> periods = List.of();
    if (action.get("programmeId") != null) {
      Map<String, Object> programme =
          services.object(
              HubService.PLANS, base + "/programmes/" + action.get("programmeId"), token);
      if (programme.get("periods") instanceof List<?> offered) {
        periods =
            offered.stream()
                .filter(Map.class::isInstance)
                .map(p -> (Map<String, Object>) p)
                .toList();
      }
      programmeFacts.put("programmeName", programme.get("name"));
    }
    ActionRow row = ActionRow.of(action, actions.today());
    Map<String, Object> model =
        pages.model(
            request,
            row.ref() + " " + row.title(),
            person.council() == null ? "oversight" : "plan");
    model.put("council", slug);
    model.put("councilName", councils.name(person, slug));
    model.put("action", action);
    model.put("row", row);
    model.put("progress", ProgressRow.all(progress));
    model.put("drivers", drivers);
    model.put("audit", AuditRow.all(audit.get("items")));
    long auditTotal = audit.get("total") instanceof Number total ? total.longValue() : 0L;
    model.put("auditPage", auditPage);
    model.put("auditPrevious", auditPage > 1 ? auditPage - 1 : null);
    model.put("auditNext", (long) auditPage * AUDIT_PAGE < auditTotal ? auditPage + 1 : null);
    model.put("auditTotal", auditTotal);
    model.put("statuses", RagStatus.all());
    model.put("periods", periods);
    model.putAll(programmeFacts);
    model.put("linkedMeasures", measures.linkedTo(person, slug, actionId.toString()));
    return model;
  }
}
