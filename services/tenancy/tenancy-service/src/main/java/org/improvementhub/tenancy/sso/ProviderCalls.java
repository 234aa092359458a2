package org.improvementhub.tenancy.sso;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.Timeout;

/**
 * Every call tenancy makes to a council's provider (discovery, JWKS, token, userinfo) goes through
 * this one HTTP client: it connects only to the addresses {@link ProviderAddresses} looked up and
 * checked, never follows a redirect (which could lead to any host), keeps no cookies, and reads at
 * most {@value #MAX_ANSWER} bytes of an answer. Nimbus sends its requests through it ({@link
 * HTTPRequestSender}) and fetches JWKS with it ({@link ResourceRetriever}).
 */
@Singleton
class ProviderCalls implements HTTPRequestSender, ResourceRetriever, AutoCloseable {

  static final int MAX_ANSWER = 512 * 1024;

  /** Headers the client sets itself from the body and the address. */
  private static final Set<String> OWN_HEADERS =
      Set.of("content-length", "host", "transfer-encoding");

  private final CloseableHttpClient client;

  ProviderCalls(
      ProviderAddresses addresses, @Value("${hub.sso.provider-timeout:5s}") Duration timeout) {
    Timeout limit = Timeout.ofMilliseconds(timeout.toMillis());
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(addresses)
                    // many councils may share one provider host (login.microsoftonline.com)
                    .setMaxConnPerRoute(20)
                    .setMaxConnTotal(100)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(limit)
                            .setSocketTimeout(limit)
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setRedirectsEnabled(false)
                    .setResponseTimeout(limit)
                    .setConnectionRequestTimeout(limit)
                    .build())
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableAutomaticRetries()
            .build();
  }

  @Override
  public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
    ClassicHttpRequest call =
        new BasicClassicHttpRequest(request.getMethod().name(), request.getURI());
    request
        .getHeaderMap()
        .forEach(
            (name, values) -> {
              if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> call.addHeader(name, value));
              }
            });
    if (request.getBody() != null) {
      // the Content-Type header Nimbus set goes as it is
      call.setEntity(new ByteArrayEntity(request.getBody().getBytes(StandardCharsets.UTF_8), null));
    }
    return client.execute(call, ProviderCalls::answer);
  }

  @Override
  public Resource retrieveResource(URL url) throws IOException {
    ClassicHttpRequest call;
    try {
      call = new BasicClassicHttpRequest("GET", url.toURI());
    } catch (URISyntaxException e) {
      throw new IOException("not an address: " + url, e);
    }
    call.addHeader("Accept", "application/json, application/jwk-set+json");
    HTTPResponse answer = client.execute(call, ProviderCalls::answer);
    if (answer.getStatusCode() != 200) {
      throw new IOException("the JWKS answered " + answer.getStatusCode());
    }
    return new Resource(answer.getBody(), answer.getHeaderValue("Content-Type"));
  }

  private static HTTPResponse answer(ClassicHttpResponse response) throws IOException {
    HTTPResponse answer = new HTTPResponse(response.getCode());
    answer.setStatusMessage(response.getReasonPhrase());
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header header : response.getHeaders()) {
      headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
    }
    headers.forEach((name, values) -> answer.setHeader(name, values.toArray(String[]::new)));
    HttpEntity entity = response.getEntity();
    if (entity != null) {
      answer.setBody(new String(limited(entity), charsetOf(entity)));
    }
    return answer;
  }

  private static byte[] limited(HttpEntity entity) throws IOException {
    try (InputStream in = entity.getContent()) {
      byte[] read = in.readNBytes(MAX_ANSWER + 1);
      if (read.length > MAX_ANSWER) {
        throw new IOException("the provider's answer is larger than " + MAX_ANSWER + " bytes");
      }
      return read;
    }
  }

  private static Charset charsetOf(HttpEntity entity) {
    try {
      ContentType type = ContentType.parseLenient(entity.getContentType());
      return type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
    } catch (RuntimeException e) {
      return StandardCharsets.UTF_8;
    }
  }

  @PreDestroy
  @Override
  public void close() throws IOException {
    client.close();
  }
}
