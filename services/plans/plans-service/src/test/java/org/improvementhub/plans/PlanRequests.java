package org.improvementhub.plans;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;

/** JSON bodies and calls the plans ITs share, in the councils' own words. */
final class PlanRequests {

  private final HubApi api;
  private final String council;
  private final String token;

  PlanRequests(HubApi api, String council, String token) {
    this.api = api;
    this.council = council;
    this.token = token;
  }

  HubApi api() {
    return api;
  }

  String token() {
    return token;
  }

  String base() {
    return "/councils/" + council;
  }

  static String programmeJson(String name, String cadence, String... levels) {
    return """
        {"name":"%s","trigger":{"kind":"OFSTED_INSPECTION","date":"2011-08-12","judgement":"Inadequate"},
         "improvementBoard":"Peterborough Improvement Board","reportingCadence":%s,
         "programmeManager":{"name":"Pat Manager","email":"pat.manager@example.org"},
         "levelNames":[%s],"startDate":"2011-10-01","endDate":"2013-03-31",
         "ragDescriptions":{"RED":"Not on track: the Board must act"}}
        """
        .formatted(
            name,
            cadence == null ? "null" : "\"" + cadence + "\"",
            String.join(",", java.util.Arrays.stream(levels).map(l -> "\"" + l + "\"").toList()));
  }

  ApiResponse programme(String name, String cadence, String... levels) {
    return api.post(base() + "/programmes", token, programmeJson(name, cadence, levels));
  }

  String programmeId(String... levels) {
    ApiResponse created = programme("Safeguarding Improvement Plan", null, levels);
    if (created.status() != 201) {
      throw new AssertionError(created.toString());
    }
    return created.json().get("id").asText();
  }

  ApiResponse item(String programme, String parentId, String ref, String title) {
    return api.post(
        base() + "/programmes/" + programme + "/items",
        token,
        """
        {"parentId":%s,"ref":%s,"title":"%s","successCriteria":"Children are safer","owner":"Director"}
        """
            .formatted(quoted(parentId), quoted(ref), title));
  }

  String itemId(String programme, String parentId, String ref, String title) {
    ApiResponse created = item(programme, parentId, ref, title);
    if (created.status() != 201) {
      throw new AssertionError(created.toString());
    }
    return created.json().get("id").asText();
  }

  ApiResponse action(String programme, String parentId, String ref, LocalDate due, String rag) {
    return api.post(
        base() + "/actions",
        token,
        """
        {"ref":"%s","title":"Action %s","leads":[{"name":"Lee Lead","email":"lee@example.org","role":"Head of Service"},
         {"name":"Ann Other","email":"ann@example.org","role":"Safeguarding team"}],
         "programmeId":%s,"parentId":%s,"startDate":"2011-10-01","dueDate":"%s","ragStatus":"%s",
         "evidenceLinks":["https://intranet.example/audit-%s"]}
        """
            .formatted(ref, ref, quoted(programme), quoted(parentId), due, rag, ref));
  }

  String actionId(String programme, String parentId, String ref, LocalDate due, String rag) {
    ApiResponse created = action(programme, parentId, ref, due, rag);
    if (created.status() != 201) {
      throw new AssertionError(created.toString());
    }
    return created.json().get("id").asText();
  }

  ApiResponse patch(String path, String json) {
    return api.send(
        api.request(path, token)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  ApiResponse get(String path) {
    return api.get(path, token);
  }

  ApiResponse post(String path, String json) {
    return api.post(path, token, json);
  }

  ApiResponse put(String path, String json) {
    return api.put(path, token, json);
  }

  static String quoted(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
