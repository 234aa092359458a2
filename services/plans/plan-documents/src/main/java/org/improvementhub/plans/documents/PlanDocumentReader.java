package org.improvementhub.plans.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads a council's Word action plan into a {@link Proposal}. The document is walked in order:
 * paragraphs go to {@link Headings} (a heading such as {@code Pillar One: …} becomes a top-level
 * item when a table follows it); a table is a RAG legend ({@link LegendTable}) that teaches the
 * council's own wordings, or an action table when its header row names an action column and a ref,
 * lead, due or status column ({@link HeaderWords} guesses each column, {@link TableRow} reads cells
 * by those guesses, {@link ActionRows} turns rows into items and actions, {@link ActionDraft}
 * parses their cells), and {@link ProposalAssembly} finishes the tree. Pure: no I/O beyond the
 * bytes given.
 */
public final class PlanDocumentReader {

  private final Map<String, ColumnRole> remembered;

  /**
   * @param remembered the council's column choices at its last upload, by header text
   */
  public PlanDocumentReader(Map<String, ColumnRole> remembered) {
    this.remembered = new HashMap<>();
    remembered.forEach((header, role) -> this.remembered.put(HeaderWords.key(header), role));
  }

  /**
   * @throws DocumentProblem when the bytes are not a readable Word document or hold no action table
   */
  public Proposal read(byte[] docx) {
    try (XWPFDocument document = WordDocuments.open(docx)) {
      return new Walk().through(document);
    } catch (IOException e) {
      throw new DocumentProblem(DocumentProblem.Reason.CORRUPT, "the file could not be read");
    }
  }

  /** One pass over one document; holds what has been read so far. */
  private final class Walk {
    private final List<Flag> flags = new ArrayList<>();
    private final PlanItems items = new PlanItems(flags);
    private final List<ActionDraft> actions = new ArrayList<>();
    private final List<ColumnGuess> mapping = new ArrayList<>();
    private final Map<String, Rag> legend = new LinkedHashMap<>();
    private final Headings headings = new Headings();
    private final ActionRows rows = new ActionRows(items, headings, actions, flags);
    private int tables;
    private int actionTables;

    Proposal through(XWPFDocument document) {
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph) {
          headings.read(paragraph);
        } else if (element instanceof XWPFTable table) {
          table(table);
        }
      }
      if (actionTables == 0) {
        throw new DocumentProblem(
            DocumentProblem.Reason.NO_ACTION_TABLE,
            "no table of actions was found: a table needs a header row naming the actions"
                + " (Action, Task…) and their lead, due date, status or ref");
      }
      return new ProposalAssembly(items, mapping, flags).assemble(headings.title, actions, legend);
    }

    /** A legend, an action table (its header in row 1 or 2), or neither. */
    private void table(XWPFTable table) {
      tables++;
      List<XWPFTableRow> tableRows = table.getRows();
      if (tableRows.isEmpty()) {
        return;
      }
      Map<String, Rag> wordings = LegendTable.read(table);
      if (!wordings.isEmpty()) {
        legend.putAll(wordings);
        return;
      }
      for (int h = 0; h < Math.min(2, tableRows.size()); h++) {
        List<ColumnGuess> guesses = new ArrayList<>();
        List<XWPFTableCell> cells = tableRows.get(h).getTableCells();
        for (int c = 0; c < cells.size(); c++) {
          guesses.add(HeaderWords.guess(tables, c + 1, WordText.text(cells.get(c)), remembered));
        }
        Set<ColumnRole> roles = guesses.stream().map(ColumnGuess::role).collect(Collectors.toSet());
        if (roles.contains(ColumnRole.ACTION)
            && (roles.contains(ColumnRole.REF)
                || roles.contains(ColumnRole.LEAD)
                || roles.contains(ColumnRole.DUE)
                || roles.contains(ColumnRole.STATUS))) {
          actionTables++;
          mapping.addAll(guesses);
          rows.read(tableRows, h, guesses, tables, legend);
          return;
        }
      }
    }
  }
}
