package org.improvementhub.bench.load;

/**
 * A service's memory across a run: resident and live heap (after a full collection) before and
 * after, the resident peak during it and the resident slope over its last part; flat or not by the
 * soak's rule ({@link SoakBench#FLAT_RSS_MB_PER_MINUTE}, {@link SoakBench#FLAT_HEAP_GROWTH_MB}).
 */
public record ServiceMemoryChange(
    String service,
    double rssBeforeMb,
    double rssAfterMb,
    double liveHeapBeforeMb,
    double liveHeapAfterMb,
    double rssPeakMb,
    double rssSlopeMbPerMinute,
    boolean flat) {

  static ServiceMemoryChange of(
      ServiceMemory before, ServiceMemory after, Double peak, Double slope) {
    double heapGrowth = after.heapUsedMb() - before.heapUsedMb();
    double rssSlope = slope == null ? Double.NaN : slope;
    boolean flat =
        !Double.isNaN(rssSlope)
            && rssSlope <= SoakBench.FLAT_RSS_MB_PER_MINUTE
            && !Double.isNaN(heapGrowth)
            && heapGrowth <= SoakBench.FLAT_HEAP_GROWTH_MB;
    return new ServiceMemoryChange(
        before.service(),
        before.rssMb(),
        after.rssMb(),
        before.heapUsedMb(),
        after.heapUsedMb(),
        peak == null ? Double.NaN : peak,
        rssSlope,
        flat);
  }

  public String summary() {
    return String.format(
        "%-14s resident %5.0f -> %5.0f (peak %5.0f, slope %+5.1f/min)   live heap %5.1f -> %5.1f"
            + "   %s",
        service,
        rssBeforeMb,
        rssAfterMb,
        rssPeakMb,
        rssSlopeMbPerMinute,
        liveHeapBeforeMb,
        liveHeapAfterMb,
        flat ? "flat" : "NOT flat");
  }
}
