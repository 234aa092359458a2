package org.improvementhub.oversight.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a board report as a tagged, accessible PDF (PDF/UA): a Thymeleaf template to XHTML, then
 * openhtmltopdf with every font embedded. The font is the Liberation Sans that PDFBox ships, so the
 * output does not depend on the fonts of the machine.
 */
@Singleton
public class BoardReportPdf {

  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final DateTimeFormatter ISSUED =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneId.of("Europe/London"));

  private static final DateTimeFormatter PERIOD =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private final TemplateEngine templates;

  public BoardReportPdf() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("report/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    this.templates = new TemplateEngine();
    this.templates.setTemplateResolver(resolver);
  }

  /** The report as XHTML, as the PDF shows it. */
  public String html(BoardReport report) {
    Context context = new Context(Locale.UK);
    context.setVariable("r", report);
    context.setVariable("ragNames", RagNames.NAMES);
    context.setVariable("shortNames", RagNames.SHORT);
    context.setVariable("measureStatus", RagNames.MEASURE_STATUS);
    context.setVariable("trends", RagNames.TRENDS);
    context.setVariable(
        "previousLabel",
        report.previousPeriod() == null
            ? "the previous period"
            : YearMonth.parse(report.previousPeriod()).format(PERIOD));
    context.setVariable(
        "issuedOn", report.issuedAt() == null ? "" : ISSUED.format(report.issuedAt()));
    return templates.process("board-report", context);
  }

  public byte[] render(BoardReport report) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessbility(true);
      builder.useFont(
          this::font, "Liberation Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
      builder.withHtmlContent(html(report), null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The board report could not be rendered", e);
    }
  }

  private InputStream font() {
    return BoardReportPdf.class.getResourceAsStream(FONT);
  }
}
