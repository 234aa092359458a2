package org.improvementhub.portal.measure;

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
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.improvementhub.portal.page.FormField;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.page.PostedForm;
import org.improvementhub.portal.page.ServiceErrors;
import org.improvementhub.portal.services.CouncilAddress;
import org.improvementhub.portal.services.CouncilNames;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.services.RefusedAtService;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.Sessions;

/**
 * The council's measures: the list (latest value against target), a measure's page (chart and table
 * of its monthly values against the target trajectory and comparators) and recording a value for a
 * period.
 */
@Controller(value = "/councils/{council}/measures", produces = MediaType.TEXT_HTML)
public class MeasuresController {

  /** Two years of months: enough to see a trajectory, few enough to read as a table. */
  private static final int MONTHS_SHOWN = 24;

  /** The roles the measures API lets record values. */
  /** The measures API's fields are the form's; anything else is about the period. */
  private static final ServiceErrors REFUSALS =
      ServiceErrors.against(FormField.of("period", "Period"))
          .field(FormField.of("value", "Value"))
          .field(FormField.of("numerator", "Numerator"))
          .field(FormField.of("denominator", "Denominator"))
          .field(FormField.of("note", "Note"));

  static final Set<String> RECORDING_ROLES =
      Set.of("PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER");

  private final Sessions sessions;
  private final Pages pages;
  private final HubServices services;
  private final CouncilNames councils;
  private final CouncilMeasures measures;
  private final Clock clock;

  public MeasuresController(
      Sessions sessions,
      Pages pages,
      HubServices services,
      CouncilNames councils,
      CouncilMeasures measures,
      Clock clock) {
    this.sessions = sessions;
    this.pages = pages;
    this.services = services;
    this.councils = councils;
    this.measures = measures;
    this.clock = clock;
  }

  @Get
  public ModelAndView<Map<String, Object>> list(
      HttpRequest<?> request, @PathVariable String council) {
    Person person = sessions.person(request);
    String slug = CouncilAddress.slug(council);
    List<MeasureRow> rows = measures.all(person, slug);
    Map<String, Object> model =
        pages.model(
            request,
            councils.name(person, slug) + ": measures",
            person.council() == null ? "oversight" : "measures");
    model.put("council", slug);
    model.put("councilName", councils.name(person, slug));
    model.put("measures", rows);
    model.put("offTarget", rows.stream().filter(MeasureRow::offTarget).count());
    return new ModelAndView<>("measures", model);
  }

  @Get("/{id}")
  public ModelAndView<Map<String, Object>> show(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String id,
      @Nullable @QueryValue String recorded) {
    Person person = sessions.person(request);
    Map<String, Object> model = model(request, person, council, id);
    model.put("recorded", recorded == null ? "" : Figures.month(recorded));
    model.put("form", ValueForm.blank(String.valueOf(model.get("nextPeriod"))));
    return new ModelAndView<>("measure", model);
  }

  @Post(value = "/{id}/values", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> record(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String id,
      @Body Map<String, String> body) {
    PostedForm posted = PostedForm.read(sessions, request, body);
    Person person = posted.person();
    String slug = CouncilAddress.slug(council);
    UUID measureId = CouncilAddress.id(id);
    if (person.roles().stream().noneMatch(RECORDING_ROLES::contains)) {
      throw new RefusedAtService("Measure value");
    }
    ValueForm form = ValueForm.of(posted.values());
    posted.errors().addAll(form.check());
    return posted.send(
        REFUSALS,
        () -> {
          services.put(
              HubService.MEASURES,
              "/councils/" + slug + "/measures/" + measureId + "/values/" + form.period(),
              person.accessToken(),
              form.entry());
          return URI.create(
              "/councils/" + slug + "/measures/" + measureId + "?recorded=" + form.period());
        },
        shown -> {
          Map<String, Object> model = model(request, person, slug, id);
          model.put("recorded", "");
          model.put("form", form);
          Pages.showErrors(model, shown);
          return new ModelAndView<>("measure", model);
        });
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> model(
      HttpRequest<?> request, Person person, String council, String id) {
    String slug = CouncilAddress.slug(council);
    UUID measureId = CouncilAddress.id(id);
    String token = person.accessToken();
    String base = "/councils/" + slug + "/measures/" + measureId;
    Map<String, Object> measure = services.object(HubService.MEASURES, base, token);
    MeasureRow row = MeasureRow.of(measure);
    Map<String, Object> current =
        measure.get("current") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
    YearMonth thisMonth = YearMonth.now(clock);
    YearMonth to =
        current.get("period") == null
            ? thisMonth
            : YearMonth.parse(String.valueOf(current.get("period")));
    YearMonth from = to.minusMonths(MONTHS_SHOWN - 1);
    Map<String, Object> series =
        services.object(HubService.MEASURES, base + "/series?from=" + from + "&to=" + to, token);
    List<Map<String, Object>> comparators =
        services.list(HubService.MEASURES, base + "/comparators", token);
    List<Map<String, Object>> points =
        leadingGapsDropped(
            series.get("points") instanceof List<?> p ? (List<Map<String, Object>>) p : List.of());
    List<MeasureChart.Period> periods = MeasureChart.periods(points, comparators);
    String unit = String.valueOf(measure.get("unit"));
    Map<String, Object> model =
        pages.model(request, row.name(), person.council() == null ? "oversight" : "measures");
    model.put("council", slug);
    model.put("councilName", councils.name(person, slug));
    model.put("measure", measure);
    model.put("row", row);
    model.put("chart", MeasureChart.of(periods, unit));
    model.put("periods", periods.stream().map(p -> PeriodRow.of(p, points, unit)).toList());
    model.put(
        "comparators",
        comparators.stream()
            .map(
                c ->
                    new ComparatorRow(
                        String.valueOf(c.get("year")),
                        Figures.text(Figures.number(c.get("england")), unit),
                        Figures.text(Figures.number(c.get("statisticalNeighbours")), unit),
                        c.get("source") == null ? "" : String.valueOf(c.get("source"))))
            .toList());
    model.put("canRecord", person.roles().stream().anyMatch(RECORDING_ROLES::contains));
    model.put(
        "nextPeriod",
        current.get("period") == null ? thisMonth.toString() : nextAfter(to, thisMonth, measure));
    model.put(
        "from",
        Figures.month(
            points.isEmpty() ? from.toString() : String.valueOf(points.get(0).get("period"))));
    model.put("hasComparators", !comparators.isEmpty());
    model.put("to", Figures.month(to.toString()));
    return model;
  }

  /**
   * The months before a measure's first value say nothing: a new measure's chart starts at its
   * first value (a gap later on stays, as a gap).
   */
  private static List<Map<String, Object>> leadingGapsDropped(List<Map<String, Object>> points) {
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i).get("value") != null) {
        return points.subList(i, points.size());
      }
    }
    return points;
  }

  /** The period a person most likely records next: the one after the latest, up to this month. */
  private static String nextAfter(
      YearMonth latest, YearMonth thisMonth, Map<String, Object> measure) {
    YearMonth next = latest.plusMonths("QUARTERLY".equals(measure.get("frequency")) ? 3 : 1);
    return (next.isAfter(thisMonth) ? latest : next).toString();
  }

  /** A year's comparators as the table shows them. */
  public record ComparatorRow(String year, String england, String neighbours, String source) {}

  /** One period of the table that stands in for the chart. */
  public record PeriodRow(
      String period,
      String month,
      String value,
      String target,
      MeasureStatus status,
      String england,
      String neighbours) {

    static PeriodRow of(MeasureChart.Period p, List<Map<String, Object>> points, String unit) {
      Object status = null;
      for (Map<String, Object> point : points) {
        if (p.period().equals(String.valueOf(point.get("period")))) {
          status = point.get("status");
        }
      }
      String target =
          p.target() != null
              ? Figures.text(p.target(), unit)
              : (p.lower() != null && p.upper() != null
                  ? Figures.text(p.lower(), unit) + " to " + Figures.text(p.upper(), unit)
                  : "");
      return new PeriodRow(
          p.period(),
          Figures.month(p.period()),
          Figures.text(p.value(), unit),
          target,
          MeasureStatus.of(status),
          Figures.text(p.england(), unit),
          Figures.text(p.neighbours(), unit));
    }
  }
}
