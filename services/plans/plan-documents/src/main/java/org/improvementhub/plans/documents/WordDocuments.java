package org.improvementhub.plans.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRelation;

/**
 * Opens an upload as a Word document, or says plainly why it is not one: not Word at all, an old
 * {@code .doc}, a password-protected file (OOXML encryption wraps the document in an OLE2 container
 * with an {@code EncryptionInfo} stream), or a damaged file.
 */
final class WordDocuments {

  private WordDocuments() {}

  static XWPFDocument open(byte[] content) {
    if (content == null || content.length == 0) {
      throw new DocumentProblem(DocumentProblem.Reason.NOT_WORD, "the file is empty");
    }
    FileMagic magic;
    try {
      magic = FileMagic.valueOf(content);
    } catch (RuntimeException e) {
      magic = FileMagic.UNKNOWN;
    }
    if (magic == FileMagic.OLE2) {
      try (POIFSFileSystem ole = new POIFSFileSystem(new ByteArrayInputStream(content))) {
        if (ole.getRoot().hasEntry("EncryptionInfo")) {
          throw new DocumentProblem(
              DocumentProblem.Reason.PASSWORD_PROTECTED,
              "the document is protected by a password: save a copy without the password and"
                  + " upload that");
        }
      } catch (IOException e) {
        throw new DocumentProblem(
            DocumentProblem.Reason.CORRUPT, "the file is damaged and could not be opened");
      }
      throw new DocumentProblem(
          DocumentProblem.Reason.NOT_WORD,
          "this is an old-style Word (.doc) or other Office file: save it as a Word document"
              + " (.docx) and upload that");
    }
    if (magic != FileMagic.OOXML) {
      throw new DocumentProblem(
          DocumentProblem.Reason.NOT_WORD, "the file is not a Word document (.docx)");
    }
    OPCPackage word;
    try {
      word = OPCPackage.open(new ByteArrayInputStream(content));
    } catch (InvalidFormatException | IOException | RuntimeException e) {
      throw new DocumentProblem(
          DocumentProblem.Reason.CORRUPT,
          "the file is damaged and could not be opened as a Word document");
    }
    if (word.getPartsByContentType(XWPFRelation.DOCUMENT.getContentType()).isEmpty()
        && word.getPartsByContentType(XWPFRelation.MACRO_DOCUMENT.getContentType()).isEmpty()) {
      word.revert();
      throw new DocumentProblem(
          DocumentProblem.Reason.NOT_WORD,
          "the file is not a Word document (.docx): it is another kind of Office file");
    }
    try {
      return new XWPFDocument(word);
    } catch (IOException | RuntimeException e) {
      word.revert();
      throw new DocumentProblem(
          DocumentProblem.Reason.CORRUPT,
          "the file is damaged and could not be opened as a Word document");
    }
  }
}
