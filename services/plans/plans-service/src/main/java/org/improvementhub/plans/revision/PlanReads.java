package org.improvementhub.plans.revision;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.IllegalReferenceCountException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Answers the plan's large reads (the tree, the action list, one action) from what was read at the
 * council's current plan revision, and says {@code 304 Not Modified} to a client that already has
 * it. Reading the revision is one cheap query; building a 600-action tree is hundreds of rows
 * mapped and serialised. The revision is read before the plan, so what is kept under a revision is
 * never older than it; a change commits a new revision, and answers kept under the old one are
 * never served again (they age out of the cache). The caller's access to the council has already
 * been checked by the council filter: answers are kept per council, never shared between councils.
 *
 * <p>What is kept is the answer's JSON, serialised once by the same {@link JsonMapper} the server
 * writes bodies with: a kept answer is then written as it is, without serialising a 600-action tree
 * (about 200 KB) again for every request, nor allocating its views.
 *
 * <p>The JSON is kept off the heap, in a direct buffer made once per answer, and each request
 * writes a duplicate of it (its own indexes, the same memory): a {@code byte[]} body would be
 * copied into a new direct buffer by the channel for every write (Netty sends heap buffers through
 * a direct copy, and an answer of 200 KB or more is above what its allocator pools), which under
 * the soak's thousands of requests in flight filled the direct memory and made every allocation
 * wait on {@code System.gc()}. The cache holds one reference to each kept buffer and gives it up
 * when the answer leaves the cache; the memory is freed when the last request writing it has
 * finished.
 */
@Singleton
public class PlanReads {

  /** What was read: the council, the revision it was read at and the question asked. */
  private record Key(String council, long revision, Object question) {}

  /**
   * A kept answer: its body as JSON (a direct buffer, never written to) and its headers. Equal only
   * to itself: the cache compares kept answers when one is removed, and comparing their buffers'
   * contents would read one already released (a 500 in the session 9 soak, when a request retried
   * after an eviction found another request's answer under the key).
   */
  static final class Kept {
    private final ByteBuf json;
    private final Map<String, String> headers;

    Kept(ByteBuf json, Map<String, String> headers) {
      this.json = json;
      this.headers = headers;
    }

    ByteBuf json() {
      return json;
    }

    Map<String, String> headers() {
      return headers;
    }
  }

  /**
   * What a read found: the body (serialised as {@code type}, so a list keeps its element type) and
   * any header that goes with it, e.g. {@code X-Total-Count}.
   */
  public record Answer<B>(Argument<B> type, B body, Map<String, String> headers) {

    public static <B> Answer<B> of(Class<B> type, B body) {
      return new Answer<>(Argument.of(type), body, Map.of());
    }
  }

  private final PlanRevisionRepository revisions;
  private final JsonMapper json;
  private final Cache<Key, Kept> kept;

  public PlanReads(
      PlanRevisionRepository revisions,
      JsonMapper json,
      @Value("${hub.plans.read-cache.megabytes:64}") long maximumMegabytes,
      @Value("${hub.plans.read-cache.idle:10m}") Duration idle) {
    this.revisions = revisions;
    this.json = json;
    this.kept =
        Caffeine.newBuilder()
            // bounded by what the kept bodies weigh: the memory they hold
            .maximumWeight(maximumMegabytes * 1024 * 1024)
            .weigher((Key key, Kept value) -> value.json().capacity() + 64)
            .expireAfterAccess(idle)
            // the cache's own reference; requests still writing it hold theirs
            .removalListener((Key key, Kept value, RemovalCause cause) -> release(value))
            .build();
  }

  /** The council's plan revision now (the ETag's number). */
  public long revision() {
    return revisions.current();
  }

  /**
   * The answer to {@code question} at the council's current revision: {@code 304} if {@code
   * ifNoneMatch} names it, else the kept answer or, the first time, what {@code read} reads.
   *
   * <p>The response's body is the JSON itself (a {@link ByteBuf}, written as it is with the JSON
   * content type and released by the server once written), not a {@code B}: the route still
   * declares {@code B}, which is what its clients receive and what its OpenAPI description says.
   *
   * <p>The revision and, on a miss, the read itself share one transaction: one connection checked
   * out (and one search path set) per request, not one for the revision and another for the read.
   * Under the soak, plans' requests waited for connections rather than for a core: each held one
   * while its statements waited on a busy PostgreSQL, and each asked for two. A read that reads
   * later committed rows than the revision is kept under the older revision at worst, and is read
   * again at the next one; it never shows older rows under a newer revision.
   *
   * @param question what identifies the answer within the council (route and every parameter)
   */
  @Transactional
  public <B> MutableHttpResponse<B> answer(
      CouncilSlug council,
      Object question,
      @Nullable String ifNoneMatch,
      Supplier<Answer<B>> read) {
    long revision = revision();
    String etag = etag(revision, question);
    if (matches(ifNoneMatch, etag)) {
      return HttpResponse.<B>notModified().header(HttpHeaders.ETAG, etag);
    }
    Key key = new Key(council.value(), revision, question);
    Kept found;
    ByteBuf body = null;
    do {
      found = kept.get(key, missing -> serialised(read.get()));
      try {
        body = found.json().retainedDuplicate();
      } catch (IllegalReferenceCountException e) {
        // evicted and released between the look-up and the retain: read it again
        kept.asMap().remove(key, found);
      }
    } while (body == null);
    MutableHttpResponse<ByteBuf> response =
        HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    found.headers().forEach(response::header);
    response
        .header(HttpHeaders.ETAG, etag)
        // a client may keep it, but must ask again (with If-None-Match) before using it
        .header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    return declared(response);
  }

  /** The same for an answer that is its own body, of the route's declared type. */
  @Transactional
  public <B> MutableHttpResponse<B> answer(
      CouncilSlug council,
      Object question,
      @Nullable String ifNoneMatch,
      Class<B> type,
      Supplier<B> read) {
    return answer(council, question, ifNoneMatch, () -> Answer.of(type, read.get()));
  }

  private <B> Kept serialised(Answer<B> answer) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(answer.type(), answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteBuf direct = Unpooled.directBuffer(bytes.length, bytes.length).writeBytes(bytes);
    return new Kept(direct, answer.headers());
  }

  private static void release(@Nullable Kept value) {
    if (value != null) {
      value.json().release();
    }
  }

  /**
   * The response as the route declares it. The server chooses how to write a body by what the body
   * is when it is not of the declared type, so the bytes are written as they are.
   */
  @SuppressWarnings("unchecked")
  private static <B> MutableHttpResponse<B> declared(MutableHttpResponse<ByteBuf> response) {
    return (MutableHttpResponse<B>) (MutableHttpResponse<?>) response;
  }

  /**
   * The revision and which question it answers: one URL's answer changes with the revision, and a
   * question that depends on the day (overdue actions) carries the day in it.
   */
  static String etag(long revision, Object question) {
    return "\"" + revision + "-" + Integer.toHexString(question.hashCode()) + "\"";
  }

  static boolean matches(@Nullable String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    for (String given : ifNoneMatch.split(",")) {
      String tag = given.strip();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
