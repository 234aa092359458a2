package org.improvementhub.portal.board;

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
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.improvementhub.portal.page.FormErrors;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.page.RagStatus;
import org.improvementhub.portal.services.CouncilAddress;
import org.improvementhub.portal.services.CouncilNames;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.services.InvalidAtService;
import org.improvementhub.portal.services.NotFoundAtService;
import org.improvementhub.portal.services.RefusedAtService;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.PortalSession;
import org.improvementhub.portal.session.Sessions;

/**
 * The council's Improvement Board reports, read from the oversight service: which periods have been
 * issued, a period's report (the draft until it is issued, then the frozen content), issuing it
 * after a confirmation page, and its PDF and XLSX.
 */
@Controller(value = "/councils/{council}/board-reports", produces = MediaType.TEXT_HTML)
public class BoardReportsController {

  private static final Pattern PERIOD = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  /** The roles oversight lets issue a report. */
  private static final Set<String> ISSUING_ROLES =
      Set.of("PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER");

  /** How many months back the period select offers for a draft. */
  private static final int MONTHS_OFFERED = 12;

  private final Sessions sessions;
  private final Pages pages;
  private final HubServices services;
  private final CouncilNames councils;
  private final Clock clock;

  public BoardReportsController(
      Sessions sessions, Pages pages, HubServices services, CouncilNames councils, Clock clock) {
    this.sessions = sessions;
    this.pages = pages;
    this.services = services;
    this.councils = councils;
    this.clock = clock;
  }

  /** Issued reports, newest first, and a choice of period for a draft. */
  @Get
  public ModelAndView<Map<String, Object>> list(
      HttpRequest<?> request, @PathVariable String council) {
    Person person = sessions.person(request);
    String slug = CouncilAddress.slug(council);
    Map<String, Object> model = model(request, person, slug, "Improvement Board reports");
    List<String> issued = issued(person, slug);
    model.put("issued", issued.stream().map(BoardReportsController::period).toList());
    List<Map<String, String>> offered = new ArrayList<>();
    YearMonth month = YearMonth.now(clock);
    for (int back = 0; back < MONTHS_OFFERED; back++) {
      offered.add(period(month.minusMonths(back).toString()));
    }
    model.put("offered", offered);
    return new ModelAndView<>("board-reports", model);
  }

  /** The period chosen on the list page (a GET form, so it works without JavaScript). */
  @Get("/draft")
  public HttpResponse<?> chosen(@PathVariable String council, @Nullable @QueryValue String period) {
    String slug = CouncilAddress.slug(council);
    return HttpResponse.seeOther(
        URI.create("/councils/" + slug + "/board-reports/" + checked(period)));
  }

  /** A period's report: frozen if issued, otherwise the draft as it would read if issued now. */
  @Get("/{period}")
  public ModelAndView<Map<String, Object>> report(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String period,
      @Nullable @QueryValue String issuedNow) {
    Person person = sessions.person(request);
    String slug = CouncilAddress.slug(council);
    String month = checked(period);
    boolean issued = issued(person, slug).contains(month);
    Map<String, Object> report =
        services.object(
            HubService.OVERSIGHT,
            "/councils/" + slug + "/board-reports/" + month + (issued ? "" : "/draft"),
            person.accessToken());
    Map<String, Object> model =
        model(request, person, slug, "Improvement Board report for " + label(month));
    model.put("period", period(month));
    model.put("isIssued", issued);
    model.put("issuedNow", issuedNow != null && issued);
    model.put("report", report);
    model.put("rag", ragRows(report));
    model.put("exceptions", tagged(report.get("exceptions"), "ragStatus", "tag"));
    model.put("movements", tagged(report.get("changeSincePreviousPeriod"), "status", "tag"));
    model.put(
        "changes",
        tagged(tagged(report.get("changesSinceLastReport"), "from", "fromTag"), "to", "toTag"));
    return new ModelAndView<>("board-report", model);
  }

  /** Asks the person to confirm: an issued report is frozen for good. */
  @Get("/{period}/issue")
  public ModelAndView<Map<String, Object>> confirm(
      HttpRequest<?> request, @PathVariable String council, @PathVariable String period) {
    Person person = sessions.person(request);
    String slug = CouncilAddress.slug(council);
    String month = checked(period);
    refuseUnlessIssuing(person);
    Map<String, Object> model =
        model(request, person, slug, "Issue the report for " + label(month));
    model.put("period", period(month));
    return new ModelAndView<>("board-report-issue", model);
  }

  @Post(value = "/{period}/issue", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> issue(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String period,
      @Body Map<String, String> body) {
    PortalSession session = sessions.signedInForm(request, body.get("csrf"));
    Person person = session.person();
    String slug = CouncilAddress.slug(council);
    String month = checked(period);
    refuseUnlessIssuing(person);
    try {
      services.post(
          HubService.OVERSIGHT,
          "/councils/" + slug + "/board-reports",
          person.accessToken(),
          Map.of("period", month));
      return HttpResponse.seeOther(
          URI.create("/councils/" + slug + "/board-reports/" + month + "?issuedNow=yes"));
    } catch (InvalidAtService refused) {
      Map<String, Object> model =
          model(request, person, slug, "Issue the report for " + label(month));
      model.put("period", period(month));
      Pages.showErrors(
          model, FormErrors.none().add("period", "confirm-issue", refused.getMessage()));
      return HttpResponse.status(HttpStatus.CONFLICT)
          .body(new ModelAndView<>("board-report-issue", model));
    }
  }

  @Get("/{period}/pdf")
  public HttpResponse<byte[]> pdf(
      HttpRequest<?> request, @PathVariable String council, @PathVariable String period) {
    return download(request, council, period, "pdf");
  }

  @Get("/{period}/xlsx")
  public HttpResponse<byte[]> xlsx(
      HttpRequest<?> request, @PathVariable String council, @PathVariable String period) {
    return download(request, council, period, "xlsx");
  }

  private HttpResponse<byte[]> download(
      HttpRequest<?> request, String council, String period, String kind) {
    Person person = sessions.person(request);
    return services
        .download(
            HubService.OVERSIGHT,
            "/councils/"
                + CouncilAddress.slug(council)
                + "/board-reports/"
                + checked(period)
                + "/"
                + kind,
            person.accessToken())
        .toBrowser();
  }

  private List<String> issued(Person person, String slug) {
    return services.strings(
        HubService.OVERSIGHT, "/councils/" + slug + "/board-reports", person.accessToken());
  }

  private Map<String, Object> model(
      HttpRequest<?> request, Person person, String slug, String title) {
    Map<String, Object> model =
        pages.model(request, title, person.council() == null ? "oversight" : "board-reports");
    model.put("council", slug);
    model.put("councilName", councils.name(person, slug));
    model.put("canIssue", person.roles().stream().anyMatch(ISSUING_ROLES::contains));
    return model;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> ragRows(Map<String, Object> report) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (report.get("ragSummary") instanceof List<?> summary) {
      for (Object each : summary) {
        if (each instanceof Map<?, ?> count) {
          Map<String, Object> row = new java.util.HashMap<>((Map<String, Object>) count);
          row.put("tag", RagStatus.of(count.get("status")));
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** The report's rows with {@code key}'s RAG code as a tag the template can show. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> tagged(Object rows, String key, String tag) {
    List<Map<String, Object>> tagged = new ArrayList<>();
    if (rows instanceof List<?> list) {
      for (Object each : list) {
        if (each instanceof Map<?, ?> row) {
          Map<String, Object> copy = new java.util.HashMap<>((Map<String, Object>) row);
          copy.put(tag, RagStatus.of(row.get(key)));
          tagged.add(copy);
        }
      }
    }
    return tagged;
  }

  private static void refuseUnlessIssuing(Person person) {
    if (person.roles().stream().noneMatch(ISSUING_ROLES::contains)) {
      throw new RefusedAtService("Board report");
    }
  }

  private static String checked(String period) {
    if (period == null || !PERIOD.matcher(period).matches()) {
      throw new NotFoundAtService("Board report " + period);
    }
    return period;
  }

  private static Map<String, String> period(String key) {
    return Map.of("key", key, "label", label(key));
  }

  private static String label(String key) {
    return YearMonth.parse(key).format(MONTH);
  }
}
