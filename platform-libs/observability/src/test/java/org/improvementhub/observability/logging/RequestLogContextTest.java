package org.improvementhub.observability.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "test")
class RequestLogContextTest {

  private static final Argument<Map<String, String>> CONTEXT =
      Argument.mapOf(String.class, String.class);

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void theControllerLogsWithTheCallersRequestIdAndTheCouncilOfThePath() {
    HttpResponse<Map<String, String>> response =
        client
            .toBlocking()
            .exchange(
                HttpRequest.GET("/councils/walsall/context")
                    .header(RequestLogContext.HEADER, "req-42"),
                CONTEXT);

    assertThat(response.getHeaders().get(RequestLogContext.HEADER)).isEqualTo("req-42");
    assertThat(response.body())
        .containsEntry(LogContext.REQUEST_ID, "req-42")
        .containsEntry(LogContext.COUNCIL, "walsall");
  }

  @Test
  void anUnusableRequestIdIsReplacedByANewOne() {
    HttpResponse<Map<String, String>> response =
        client
            .toBlocking()
            .exchange(
                HttpRequest.GET("/context").header(RequestLogContext.HEADER, "bad id\"{}"),
                CONTEXT);

    String id = response.getHeaders().get(RequestLogContext.HEADER);
    assertThat(id).isNotBlank().isNotEqualTo("bad id\"{}");
    assertThat(response.body()).containsEntry(LogContext.REQUEST_ID, id);
  }

  @Test
  void noCouncilOrRequestIdStaysOnAThreadAfterItsRequest() {
    for (int i = 0; i < 20; i++) {
      client
          .toBlocking()
          .retrieve(
              HttpRequest.GET("/councils/council-" + (char) ('a' + i) + "/context")
                  .header(RequestLogContext.HEADER, "first-" + i),
              CONTEXT);
      Map<String, String> next = client.toBlocking().retrieve(HttpRequest.GET("/context"), CONTEXT);
      assertThat(next).doesNotContainKey(LogContext.COUNCIL);
      assertThat(next.get(LogContext.REQUEST_ID)).doesNotStartWith("first-");
    }
  }

  @Test
  void theCouncilIsTakenOnlyFromAValidSlugAfterCouncils() {
    assertThat(RequestLogContext.councilIn("/api/plans/councils/walsall/actions"))
        .contains("walsall");
    assertThat(RequestLogContext.councilIn("/councils/Not A Slug/actions")).isEmpty();
    assertThat(RequestLogContext.councilIn("/health/readiness")).isEmpty();
  }
}
