package org.improvementhub.oversight.report;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.improvementhub.oversight.summary.RagCount;

/** Writes a board report as an XLSX workbook: one sheet per section, figures as numbers. */
@Singleton
public class BoardReportWorkbook {

  public byte[] render(BoardReport report) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet rag = workbook.createSheet("RAG summary");
      header(rag, report.councilName() + ": Improvement Board report, " + report.periodLabel());
      Row columns = rag.createRow(2);
      columns.createCell(0).setCellValue("Status");
      columns.createCell(1).setCellValue("Actions");
      columns.createCell(2).setCellValue("Share (%)");
      int row = 3;
      for (RagCount count : report.ragSummary()) {
        Row line = rag.createRow(row++);
        line.createCell(0).setCellValue(RagNames.NAMES.get(count.status()));
        line.createCell(1).setCellValue(count.count());
        line.createCell(2).setCellValue(count.percent().doubleValue());
      }
      Row total = rag.createRow(row);
      total.createCell(0).setCellValue("Total");
      total.createCell(1).setCellValue(report.totalActions());
      total.createCell(2).setCellValue(100);
      movements(workbook.createSheet("Change since last period"), report);
      measures(workbook.createSheet("Measures"), report);
      drivers(workbook.createSheet("Drivers with no action"), report);
      actions(workbook.createSheet("Exceptions"), report.exceptions());
      actions(workbook.createSheet("Overdue"), report.overdue());
      actions(workbook.createSheet("All actions"), report.actions());
      for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
        workbook.getSheetAt(i).setColumnWidth(0, 40 * 256);
        workbook.getSheetAt(i).setColumnWidth(1, 60 * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The board report could not be written", e);
    }
  }

  private static void header(Sheet sheet, String title) {
    sheet.createRow(0).createCell(0).setCellValue(title);
  }

  private static void movements(Sheet sheet, BoardReport report) {
    Row columns = sheet.createRow(0);
    String[] names = {
      "Status", "End of " + report.previousPeriod(), "End of " + report.period(), "Change"
    };
    for (int i = 0; i < names.length; i++) {
      columns.createCell(i).setCellValue(names[i]);
    }
    int row = 1;
    for (BoardReport.RagMovement movement : nonNull(report.changeSincePreviousPeriod())) {
      Row line = sheet.createRow(row++);
      line.createCell(0).setCellValue(RagNames.SHORT.get(movement.status()));
      line.createCell(1).setCellValue(movement.previous());
      line.createCell(2).setCellValue(movement.now());
      line.createCell(3).setCellValue(movement.change());
    }
  }

  private static void measures(Sheet sheet, BoardReport report) {
    Row columns = sheet.createRow(0);
    String[] names = {"Measure", "Period", "Target", "Lower", "Upper", "Actual", "Status", "Trend"};
    for (int i = 0; i < names.length; i++) {
      columns.createCell(i).setCellValue(names[i]);
    }
    int row = 1;
    for (BoardReport.ReportedMeasure measure : nonNull(report.measures())) {
      Row line = sheet.createRow(row++);
      line.createCell(0).setCellValue(measure.name());
      line.createCell(1).setCellValue(measure.period());
      number(line, 2, measure.target());
      number(line, 3, measure.lower());
      number(line, 4, measure.upper());
      number(line, 5, measure.actual());
      line.createCell(6).setCellValue(RagNames.MEASURE_STATUS.get(measure.status()));
      line.createCell(7).setCellValue(RagNames.TRENDS.get(measure.trend()));
    }
  }

  private static void drivers(Sheet sheet, BoardReport report) {
    Row columns = sheet.createRow(0);
    String[] names = {"Ref", "Driver", "Kind", "Timeframe"};
    for (int i = 0; i < names.length; i++) {
      columns.createCell(i).setCellValue(names[i]);
    }
    int row = 1;
    for (BoardReport.ReportedDriver driver : nonNull(report.driversWithoutActions())) {
      Row line = sheet.createRow(row++);
      line.createCell(0).setCellValue(driver.ref());
      line.createCell(1).setCellValue(driver.title());
      line.createCell(2).setCellValue(driver.kind());
      line.createCell(3).setCellValue(driver.timeframe() == null ? "" : driver.timeframe());
    }
  }

  /** A figure as a number cell, or an empty cell where there is none. */
  private static void number(Row line, int column, BigDecimal value) {
    if (value != null) {
      line.createCell(column).setCellValue(value.doubleValue());
    }
  }

  /** Reports issued before a section existed have none. */
  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static void actions(Sheet sheet, List<BoardReport.ReportedAction> actions) {
    Row columns = sheet.createRow(0);
    String[] names = {
      "Ref", "Action", "RAG", "Due date", "Days overdue", "Review note", "Plan item"
    };
    for (int i = 0; i < names.length; i++) {
      columns.createCell(i).setCellValue(names[i]);
    }
    int row = 1;
    for (BoardReport.ReportedAction action : actions) {
      Row line = sheet.createRow(row++);
      line.createCell(0).setCellValue(action.ref());
      line.createCell(1).setCellValue(action.title());
      line.createCell(2).setCellValue(RagNames.NAMES.get(action.ragStatus()));
      line.createCell(3).setCellValue(action.dueDate().toString());
      line.createCell(4).setCellValue(action.daysOverdue());
      line.createCell(5).setCellValue(action.note() == null ? "" : action.note());
      line.createCell(6).setCellValue(action.planItem() == null ? "" : action.planItem());
    }
  }
}
