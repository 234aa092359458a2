package org.improvementhub.plans.revision;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.improvementhub.plans.revision.PlanReads.Kept;
import org.junit.jupiter.api.Test;

/**
 * A kept answer whose buffer was released (evicted) can still be compared: the request that found
 * it released retries by removing it from the cache, and the cache may meanwhile hold another
 * request's answer under the same key. Comparing the two by content read the released buffer and
 * answered 500 ({@code IllegalReferenceCountException}: three in the session 9 soak).
 */
class KeptAnswerTest {

  @Test
  void removingAReleasedAnswerWhileAnotherIsKeptLeavesTheOtherAndThrowsNothing() {
    Cache<String, Kept> cache = Caffeine.newBuilder().build();
    Kept released = new Kept(json("{\"tree\":1}"), Map.of());
    Kept current = new Kept(json("{\"tree\":1}"), Map.of()); // the same bytes, read again
    cache.put("tree", current);
    released.json().release();

    boolean removed = cache.asMap().remove("tree", released);

    assertThat(removed).isFalse();
    assertThat(cache.getIfPresent("tree")).isSameAs(current);
    assertThat(cache.asMap().remove("tree", current)).isTrue();
    current.json().release();
  }

  @Test
  void aKeptAnswerIsEqualOnlyToItself() {
    Kept one = new Kept(json("{}"), Map.of());
    Kept twin = new Kept(json("{}"), Map.of());

    assertThat(one).isEqualTo(one).isNotEqualTo(twin);
    one.json().release();
    twin.json().release();
  }

  private static ByteBuf json(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return Unpooled.directBuffer(bytes.length, bytes.length).writeBytes(bytes);
  }
}
