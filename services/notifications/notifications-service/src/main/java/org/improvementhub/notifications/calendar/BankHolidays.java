package org.improvementhub.notifications.calendar;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.improvementhub.messaging.schema.ServiceSchema;
import org.improvementhub.notifications.audit.PlatformAuditTrail;

/**
 * The bank holidays in the service's own schema, shared by every council (plain JDBC: the council
 * schemas Micronaut Data switches between do not hold them).
 */
@Singleton
public class BankHolidays {

  private final TransactionOperations<Connection> transactions;
  private final String table;
  private final boolean everyDay;
  private final PlatformAuditTrail audit;

  public BankHolidays(
      TransactionOperations<Connection> transactions,
      ServiceSchema schema,
      @Value("${hub.notifications.schedule.every-day:false}") boolean everyDay,
      PlatformAuditTrail audit) {
    this.audit = audit;
    this.transactions = transactions;
    this.table = schema.table("bank_holiday");
    this.everyDay = everyDay;
  }

  /**
   * Today's calendar: weekends and every bank holiday known now are not working days (unless {@code
   * hub.notifications.schedule.every-day} is set, for a local stack or a bench).
   */
  public WorkingDayCalendar calendar() {
    if (everyDay) {
      return WorkingDayCalendar.everyDay();
    }
    Set<LocalDate> days = new HashSet<>();
    all().forEach(holiday -> days.add(holiday.date()));
    return new WorkingDayCalendar(days);
  }

  public List<BankHoliday> all() {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement select =
                  status
                      .getConnection()
                      .prepareStatement(
                          "SELECT holiday_date, name FROM " + table + " ORDER BY holiday_date");
              ResultSet rows = select.executeQuery()) {
            List<BankHoliday> holidays = new ArrayList<>();
            while (rows.next()) {
              holidays.add(new BankHoliday(rows.getObject(1, LocalDate.class), rows.getString(2)));
            }
            return holidays;
          }
        });
  }

  /** Replaces the bank holidays of {@code year} with {@code holidays}, all in that year. */
  public void replaceYear(int year, List<BankHoliday> holidays) {
    transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          List<BankHoliday> before = ofYear(connection, year);
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM " + table + " WHERE holiday_date BETWEEN ? AND ?")) {
            delete.setObject(1, LocalDate.of(year, 1, 1));
            delete.setObject(2, LocalDate.of(year, 12, 31));
            delete.executeUpdate();
          }
          insert(connection, holidays);
          audit.record(connection, "bank-holidays", year, "REPLACED", before, holidays);
          return null;
        });
  }

  private void insert(Connection connection, List<BankHoliday> holidays) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO " + table + " (holiday_date, name) VALUES (?, ?)")) {
      for (BankHoliday holiday : holidays) {
        insert.setObject(1, holiday.date());
        insert.setString(2, holiday.name().strip());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private List<BankHoliday> ofYear(Connection connection, int year) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT holiday_date, name FROM "
                + table
                + " WHERE holiday_date BETWEEN ? AND ? ORDER BY holiday_date")) {
      select.setObject(1, LocalDate.of(year, 1, 1));
      select.setObject(2, LocalDate.of(year, 12, 31));
      List<BankHoliday> holidays = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          holidays.add(new BankHoliday(rows.getObject(1, LocalDate.class), rows.getString(2)));
        }
      }
      return holidays;
    }
  }
}
