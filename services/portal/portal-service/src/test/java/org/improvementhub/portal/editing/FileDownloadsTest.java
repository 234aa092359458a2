package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files the services serve (board reports, plan exports, the template, a Word plan's proposal) pass
 * through the portal as the service gave them; a service's refusal gives a page, never a file.
 */
@MicronautTest
class FileDownloadsTest extends AgainstStandInServices {

  private static final String PROGRAMME = "88888888-8888-8888-8888-888888888888";
  private static final String DOC = "77777777-7777-7777-7777-777777777777";

  @BeforeEach
  void walsallHasFiles() {
    fake.on(
            "GET",
            "/councils/walsall/board-reports/2026-10/pdf",
            200,
            "%PDF-report",
            Map.of(
                "Content-Type",
                "application/pdf",
                "Content-Disposition",
                "attachment; filename=\"walsall-board-report-2026-10.pdf\""))
        .on(
            "GET",
            "/councils/walsall/board-reports/2026-11/xlsx",
            409,
            "{\"title\":\"Not issued\",\"status\":409,\"detail\":\"The report for 2026-11 has not been issued\"}")
        .on(
            "GET",
            "/councils/walsall/programmes/" + PROGRAMME + "/export?format=csv",
            200,
            "ref,title\n1.1,Front door\n",
            Map.of("Content-Disposition", "attachment; filename=\"walsall-plan.csv\""))
        .on(
            "GET",
            "/plan-template?format=xlsx",
            200,
            "template",
            Map.of("Content-Disposition", "attachment; filename=\"plan-template.xlsx\""))
        .on(
            "GET",
            "/councils/walsall/programmes/documents/" + DOC + "/template?format=xlsx",
            200,
            "proposal",
            Map.of("Content-Disposition", "attachment; filename=\"walsall-proposal.xlsx\""));
  }

  @Test
  void aFileKeepsTheServicesTypeNameAndBytes() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> pdf = manager.get("/councils/walsall/board-reports/2026-10/pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"walsall-board-report-2026-10.pdf\"");
    assertThat(pdf.body()).isEqualTo("%PDF-report");

    assertThat(
            manager
                .get("/councils/walsall/programmes/" + PROGRAMME + "/export")
                .headers()
                .firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"walsall-plan.csv\"");
    assertThat(manager.get("/plan-template?format=xlsx").body()).isEqualTo("template");
    HttpResponse<String> proposal =
        manager.get("/councils/walsall/plan-documents/" + DOC + "/template");
    assertThat(proposal.body()).isEqualTo("proposal");
    assertThat(proposal.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"walsall-proposal.xlsx\"");
  }

  @Test
  void aServicesRefusalGivesAPageWithItsDetailAndStatus() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> refused = manager.get("/councils/walsall/board-reports/2026-11/xlsx");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Disposition")).isEmpty();
    assertThat(refused.body())
        .contains("This cannot be done", "The report for 2026-11 has not been issued");

    HttpResponse<String> elsewhere =
        manager.get("/councils/peterborough/board-reports/2026-10/pdf");
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(elsewhere.body()).contains("Page not found");
  }
}
