package org.improvementhub.plans.revision;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Answers the plan's large reads (the tree, the action list, one action) from what was read at the
 * council's current plan revision, and says {@code 304 Not Modified} to a client that already has
 * it. Reading the revision is one cheap query; building a 600-action tree is hundreds of rows
 * mapped and serialised. The revision is read before the plan, so what is kept under a revision is
 * never older than it; a change commits a new revision, and answers kept under the old one are
 * never served again (they age out of the cache). The caller's access to the council has already
 * been checked by the council filter: answers are kept per council, never shared between councils.
 */
@Singleton
public class PlanReads {

  /** What was read: the council, the revision it was read at and the question asked. */
  private record Key(String council, long revision, Object question) {}

  /** A kept answer and how many rows it holds (what the cache's bound counts). */
  private record Kept(Object answer, int rows) {}

  private final PlanRevisionRepository revisions;
  private final Cache<Key, Kept> kept;

  public PlanReads(
      PlanRevisionRepository revisions,
      @Value("${hub.plans.read-cache.rows:50000}") long maximumRows,
      @Value("${hub.plans.read-cache.idle:10m}") Duration idle) {
    this.revisions = revisions;
    this.kept =
        Caffeine.newBuilder()
            .maximumWeight(maximumRows)
            .weigher((Key key, Kept value) -> Math.max(1, value.rows()))
            .expireAfterAccess(idle)
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
   * @param question what identifies the answer within the council (route and every parameter)
   * @param rows how many rows an answer holds, for the cache's bound
   * @param respond the response for an answer (its body and any header it needs)
   */
  public <T, B> MutableHttpResponse<B> answer(
      CouncilSlug council,
      Object question,
      @Nullable String ifNoneMatch,
      ToIntFunction<T> rows,
      Supplier<T> read,
      Function<T, MutableHttpResponse<B>> respond) {
    long revision = revision();
    String etag = etag(revision, question);
    if (matches(ifNoneMatch, etag)) {
      return HttpResponse.<B>notModified().header(HttpHeaders.ETAG, etag);
    }
    Key key = new Key(council.value(), revision, question);
    Kept found = kept.getIfPresent(key);
    if (found == null) {
      T answer = read.get();
      found = new Kept(answer, rows.applyAsInt(answer));
      kept.put(key, found);
    }
    @SuppressWarnings("unchecked")
    T answer = (T) found.answer();
    return respond
        .apply(answer)
        .header(HttpHeaders.ETAG, etag)
        // a client may keep it, but must ask again (with If-None-Match) before using it
        .header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
  }

  /** The same for an answer that is its own body. */
  public <T> MutableHttpResponse<T> answer(
      CouncilSlug council,
      Object question,
      @Nullable String ifNoneMatch,
      ToIntFunction<T> rows,
      Supplier<T> read) {
    return answer(council, question, ifNoneMatch, rows, read, HttpResponse::ok);
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
