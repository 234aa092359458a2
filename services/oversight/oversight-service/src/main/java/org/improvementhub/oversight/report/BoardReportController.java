package org.improvementhub.oversight.report;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.YearMonth;
import java.util.List;
import org.improvementhub.web.problem.ProblemException;

/**
 * {@code /councils/{council}/board-reports}: the council's own staff and board read and download
 * them, observers in scope read them (the council access filter decides), programme managers issue.
 */
@Controller("/councils/{council}/board-reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class BoardReportController {

  private static final String PERIOD = "^\\d{4}-(0[1-9]|1[0-2])$";
  private static final MediaType XLSX =
      MediaType.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final BoardReports reports;
  private final BoardReportPdf pdf;
  private final BoardReportWorkbook workbook;

  public BoardReportController(
      BoardReports reports, BoardReportPdf pdf, BoardReportWorkbook workbook) {
    this.reports = reports;
    this.pdf = pdf;
    this.workbook = workbook;
  }

  /** Which period's report to issue. */
  @Serdeable
  public record IssueRequest(
      @NotBlank @Pattern(regexp = PERIOD, message = "must be YYYY-MM") String period) {}

  @Get
  public List<String> issued(@PathVariable String council) {
    return reports.issuedPeriods(council);
  }

  @Post
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<BoardReport> issue(
      @PathVariable String council, @Body @Valid IssueRequest request, Authentication caller) {
    BoardReport report =
        reports.issue(council, YearMonth.parse(request.period()), caller.getName());
    return HttpResponse.created(report);
  }

  @Get("/{period}/draft")
  public BoardReport draft(
      @PathVariable String council, @PathVariable @Pattern(regexp = PERIOD) String period) {
    return reports.draft(council, YearMonth.parse(period));
  }

  @Get("/{period}")
  public BoardReport one(
      @PathVariable String council, @PathVariable @Pattern(regexp = PERIOD) String period) {
    return issued(council, period);
  }

  @Get("/{period}/pdf")
  public HttpResponse<byte[]> asPdf(
      @PathVariable String council, @PathVariable @Pattern(regexp = PERIOD) String period) {
    return download(
        pdf.render(issued(council, period)),
        MediaType.APPLICATION_PDF_TYPE,
        council,
        period,
        "pdf");
  }

  @Get("/{period}/xlsx")
  public HttpResponse<byte[]> asXlsx(
      @PathVariable String council, @PathVariable @Pattern(regexp = PERIOD) String period) {
    return download(workbook.render(issued(council, period)), XLSX, council, period, "xlsx");
  }

  private BoardReport issued(String council, String period) {
    return reports
        .issued(council, YearMonth.parse(period))
        .orElseThrow(() -> ProblemException.notFound("The board report for " + period));
  }

  private static HttpResponse<byte[]> download(
      byte[] body, MediaType type, String council, String period, String extension) {
    return HttpResponse.ok(body)
        .contentType(type)
        .header(
            "Content-Disposition",
            "attachment; filename=\"board-report-"
                + council
                + "-"
                + period
                + "."
                + extension
                + "\"");
  }
}
