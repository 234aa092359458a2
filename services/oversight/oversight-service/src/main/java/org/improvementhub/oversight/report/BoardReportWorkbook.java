package org.improvementhub.oversight.report;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  private static void actions(Sheet sheet, List<BoardReport.ReportedAction> actions) {
    Row columns = sheet.createRow(0);
    String[] names = {"Ref", "Action", "RAG", "Due date", "Days overdue", "Review note"};
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
    }
  }
}
