package org.improvementhub.plans.documents;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.improvementhub.plans.documents.fixtures.CouncilDocuments;
import org.junit.jupiter.api.Test;

/** Uploads that cannot become a proposal, each with its own reason. */
class BadDocumentsTest {

  private final PlanDocumentReader reader = new PlanDocumentReader(Map.of());

  @Test
  void aDocumentWithoutAnActionTable() throws Exception {
    XWPFDocument doc = new XWPFDocument();
    doc.createParagraph().createRun().setText("Our plan: actions to follow.");
    // a table, but not of actions: the council's governance
    doc.createTable(2, 2).getRow(0).getCell(0).setText("Improvement Theme");
    assertReason(bytes(doc), DocumentProblem.Reason.NO_ACTION_TABLE);
  }

  @Test
  void damagedNotWordAndPasswordProtectedFiles() throws Exception {
    byte[] good = CouncilDocuments.of("walsall");
    assertReason(Arrays.copyOf(good, good.length / 2), DocumentProblem.Reason.CORRUPT);
    assertReason("%PDF-1.4".getBytes(), DocumentProblem.Reason.NOT_WORD);
    assertReason(new byte[0], DocumentProblem.Reason.NOT_WORD);
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.createSheet("Plan");
      workbook.write(out);
      assertReason(out.toByteArray(), DocumentProblem.Reason.NOT_WORD);
    }
    try (POIFSFileSystem fs = new POIFSFileSystem();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword("board-only");
      try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(good));
          OutputStream os = encryptor.getDataStream(fs)) {
        opc.save(os);
      }
      fs.writeFilesystem(out);
      assertReason(out.toByteArray(), DocumentProblem.Reason.PASSWORD_PROTECTED);
    }
  }

  private void assertReason(byte[] content, DocumentProblem.Reason reason) {
    assertThatThrownBy(() -> reader.read(content))
        .isInstanceOfSatisfying(
            DocumentProblem.class,
            problem ->
                org.assertj.core.api.Assertions.assertThat(problem.reason()).isEqualTo(reason));
  }

  private static byte[] bytes(XWPFDocument doc) throws Exception {
    try (doc;
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.write(out);
      return out.toByteArray();
    }
  }
}
