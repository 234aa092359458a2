package org.improvementhub.plans.listing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import java.util.List;
import org.improvementhub.web.problem.ProblemException;

/**
 * One page of a list: {@code page} from 0, {@code size} up to {@link #MOST}. Lists keep their plain
 * array bodies (callers unchanged) and say how many match in {@value #TOTAL_HEADER}.
 */
public record PageRequest(int page, int size) {

  public static final String TOTAL_HEADER = "X-Total-Count";

  /** A council's registers are small: without {@code size}, one page holds them whole. */
  public static final int MOST = 1000;

  /**
   * @throws ProblemException naming {@code page} or {@code size} when out of range
   */
  public static PageRequest of(@Nullable Integer page, @Nullable Integer size) {
    int number = page == null ? 0 : page;
    int rows = size == null ? MOST : size;
    if (number < 0) {
      throw ProblemException.invalidField("page", "must be 0 or more");
    }
    if (rows < 1 || rows > MOST) {
      throw ProblemException.invalidField("size", "must be between 1 and " + MOST);
    }
    return new PageRequest(number, rows);
  }

  public long offset() {
    return (long) page * size;
  }

  /**
   * This page of a list already filtered in memory (registers of tens or hundreds of rows, read in
   * one statement), with the total in the header.
   */
  public <T> HttpResponse<List<T>> answer(List<T> all) {
    int from = (int) Math.min(offset(), all.size());
    int to = (int) Math.min(offset() + size, all.size());
    return HttpResponse.ok(List.copyOf(all.subList(from, to)))
        .header(TOTAL_HEADER, String.valueOf(all.size()));
  }
}
