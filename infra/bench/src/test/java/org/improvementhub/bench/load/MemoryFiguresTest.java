package org.improvementhub.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryFiguresTest {

  @Test
  void heapInUseIsTheSumOfTheHeapPoolsOnly() {
    String page =
        """
        # HELP jvm_memory_used_bytes The amount of used memory
        jvm_memory_used_bytes{area="heap",id="Tenured Gen"} 3.0E7
        jvm_memory_used_bytes{area="heap",id="Eden Space"} 1.0E7
        jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
        jvm_memory_max_bytes{area="heap",id="Tenured Gen"} 2.0E8
        """;

    assertThat(ServiceMemory.heapUsedBytes(page)).isEqualTo(4.0E7);
    assertThat(ServiceMemory.heapUsedBytes("nothing here")).isNaN();
  }

  @Test
  void theSlopeIsInMegabytesPerMinuteOverTheLastPartOnly() {
    // 100 MB flat for a minute, then rising 1 MB every 6 s (10 MB/min) for the second minute
    List<MemoryTrace.Point> points =
        java.util.stream.IntStream.rangeClosed(0, 20)
            .mapToObj(i -> new MemoryTrace.Point(i * 6.0, i <= 10 ? 100.0 : 100.0 + (i - 10)))
            .toList();

    assertThat(MemoryTrace.slope(MemoryTrace.tail(points, 0.5))).isCloseTo(10.0, within(0.01));
    assertThat(MemoryTrace.slope(points.subList(0, 11))).isCloseTo(0.0, within(0.01));
    assertThat(MemoryTrace.slope(points.subList(0, 2))).isNaN();
  }
}
