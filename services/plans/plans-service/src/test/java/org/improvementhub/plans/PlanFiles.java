package org.improvementhub.plans;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;

/** Plan files in the template, and the calls that import and export them. */
final class PlanFiles {

  static final String CSV = "text/csv";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String HEADER =
      "record,ref,parent_ref,title,description,success_criteria,owner,leads,start_date,due_date,"
          + "revised_due_date,revision_reason,completed_on,rag,period,review_note,reported_by,"
          + "reported_on,drivers,driver_kind,timeframe,evidence,setting,value\n";

  private final HubApi api;
  private final String baseUrl;
  private final String council;
  private final String token;
  private final HttpClient http = HttpClient.newHttpClient();

  PlanFiles(HubApi api, String baseUrl, String council, String token) {
    this.api = api;
    this.baseUrl = baseUrl;
    this.council = council;
    this.token = token;
  }

  /**
   * Peterborough's shape: Pillar, Outcome, Action; two Ofsted recommendations and a notice item;
   * actions with several leads, a revised date, a completed one, and progress over two periods.
   */
  static String peterborough() {
    return HEADER
        + programme("name", "Children's Services Improvement Plan")
        + programme("trigger_kind", "OFSTED_INSPECTION")
        + programme("trigger_date", "2011-08-12")
        + programme("trigger_judgement", "Inadequate")
        + programme("trigger_description", "\"Ofsted inspection of safeguarding, August 2011\"")
        + programme("improvement_board", "Peterborough Improvement Board")
        + programme("reporting_cadence", "MONTHLY")
        + programme("programme_manager", "Pat Manager <pat.manager@peterborough.demo>")
        + programme("level_names", "Pillar; Outcome; Action")
        + programme("start_date", "2011-10-01")
        + programme("end_date", "2013-03-31")
        + programme("rag_description_red", "Not on track: the Board must act")
        + "DRIVER,OR 13,,\"Ensure that all referrals are assessed, promptly\",From the report,,,,,,"
        + ",,,,,,,,,OFSTED_RECOMMENDATION,WITHIN_3_MONTHS,,,\n"
        + "DRIVER,OR 1,,Ensure children are seen,,,,,,,,,,,,,,,,OFSTED_RECOMMENDATION,IMMEDIATELY,,,\n"
        + "DRIVER,IN 3.1,,Improve the quality of assessments,,,,,,,,,,,,,,,,IMPROVEMENT_NOTICE,,,,\n"
        + "ITEM,1,,Leadership and governance,Strong leadership,Leaders know their services,"
        + "Director of Children's Services,,,,,,,,,,,,,,,,,\n"
        + "ITEM,1.1,1,The Board holds leaders to account,,,Chair,,,,,,,,,,,,,,,,,\n"
        + "ITEM,2,,Safeguarding practice,,,Head of Safeguarding,,,,,,,,,,,,,,,,,\n"
        + "ITEM,2.1,2,Referrals are handled well,,,,,,,,,,,,,,,,,,,,\n"
        + "ITEM,2.2,2,Assessments are timely,,,,,,,,,,,,,,,,,,,,\n"
        + "ACTION,1.1.1,1.1,Set up the Improvement Board,Monthly meetings,Board meets monthly,,"
        + "\"Sue Chair <sue.chair@peterborough.demo> (Board chair); Pat Manager"
        + " <pat.manager@peterborough.demo>\",2011-10-01,2011-11-30,,,2011-11-20,BLUE,,,,,"
        + "OR 1,,,https://intranet.demo/board-terms,,\n"
        + "ACTION,2.1.1,2.1,Audit every referral weekly,,,,"
        + "Lee Lead <lee.lead@peterborough.demo> (Head of Service),2011-10-01,2012-01-31,"
        + "2012-03-31,New audit tool delayed,,,,,,,\"OR 13; IN 3.1\",,,"
        + "https://intranet.demo/audit-1; https://intranet.demo/audit-2,,\n"
        + "ACTION,2.1.2,2.1,Train the front door team,,,,"
        + "Ann Other <ann.other@peterborough.demo>,,2012-06-30,,,,GREY,,,,,,,,,,\n"
        + "ACTION,2.2.1,2.2,Assessments within 45 days,,,,"
        + "Lee Lead <lee.lead@peterborough.demo> (Head of Service),2011-11-01,2012-09-30,,,,,,,,,"
        + "IN 3.1,,,,,\n"
        + "PROGRESS,2.1.1,,,,,,,,,,,,GREEN,2011-10,Audits started,Pat Manager,2011-10-28,,,,,,\n"
        + "PROGRESS,2.1.1,,,,,,,,,,,,AMBER,2011-11,\"Tool delayed, recovery plan agreed\","
        + "Pat Manager <pat.manager@peterborough.demo>,2011-11-29,,,,,,\n"
        + "PROGRESS,2.2.1,,,,,,,,,,,,RED,2011-11,Backlog of 40 assessments,Pat Manager,"
        + "2011-11-29,,,,,,\n"
        + "PROGRESS,1.1.1,,,,,,,,,,,,BLUE,2011-11,Board in place,,2011-11-20,,,,,,\n";
  }

  static String programme(String setting, String value) {
    return "PROGRAMME,,,,,,,,,,,,,,,,,,,,,," + setting + "," + value + "\n";
  }

  ApiResponse importCsv(String csv) {
    return importFile(csv.getBytes(StandardCharsets.UTF_8), CSV, "");
  }

  ApiResponse importFile(byte[] content, String contentType, String query) {
    return api.send(
        api.request("/councils/" + council + "/programmes/import" + query, token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
  }

  String importedProgramme(String csv) {
    ApiResponse imported = importCsv(csv);
    if (imported.status() != 201) {
      throw new AssertionError(imported.toString());
    }
    return imported.json().get("programmeId").asText();
  }

  /** The raw bytes of a GET (an XLSX file is not text). */
  HttpResponse<byte[]> download(String path, String accept) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept).GET();
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String exportCsv(String programme) {
    HttpResponse<byte[]> response =
        download("/councils/" + council + "/programmes/" + programme + "/export", CSV);
    if (response.statusCode() != 200) {
      throw new AssertionError(response.statusCode() + " " + new String(response.body()));
    }
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  byte[] exportXlsx(String programme) {
    HttpResponse<byte[]> response =
        download(
            "/councils/" + council + "/programmes/" + programme + "/export?format=xlsx", "*/*");
    if (response.statusCode() != 200) {
      throw new AssertionError(response.statusCode() + " " + new String(response.body()));
    }
    return response.body();
  }
}
