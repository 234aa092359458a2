package org.improvementhub.notifications.calendar;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.improvementhub.web.problem.ProblemException;

/**
 * {@code /bank-holidays}: the England and Wales bank holidays the schedule counts with. Anyone
 * signed in may read them; only the platform admin replaces a year's.
 */
@Controller("/bank-holidays")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class BankHolidayController {

  private final BankHolidays holidays;

  public BankHolidayController(BankHolidays holidays) {
    this.holidays = holidays;
  }

  @Get
  public List<BankHoliday> list() {
    return holidays.all();
  }

  @Get("/{year}")
  public List<BankHoliday> ofYear(@PathVariable @Min(2000) @Max(2100) int year) {
    return holidays.all().stream().filter(h -> h.date().getYear() == year).toList();
  }

  /** Replaces the year's bank holidays: every date must be in that year, and each only once. */
  @Put("/{year}")
  @Secured("PLATFORM_ADMIN")
  public List<BankHoliday> replaceYear(
      @PathVariable @Min(2000) @Max(2100) int year,
      @Body @NotNull @Valid List<@NotNull @Valid BankHoliday> body) {
    Set<java.time.LocalDate> seen = new HashSet<>();
    for (int i = 0; i < body.size(); i++) {
      BankHoliday holiday = body.get(i);
      if (holiday.date().getYear() != year) {
        throw ProblemException.invalidField(
            "[" + i + "].date", "must be in " + year + ": " + holiday.date());
      }
      if (!seen.add(holiday.date())) {
        throw ProblemException.invalidField(
            "[" + i + "].date", "is given twice: " + holiday.date());
      }
    }
    holidays.replaceYear(year, body);
    return ofYear(year);
  }
}
