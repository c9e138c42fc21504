package vn.danvan.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Reads a QR code back from a PDF page as a phone's camera would: the page rendered to pixels, then decoded. */
public final class QrReader {

  private QrReader() {}

  /** The text of the QR code on the page (0-based) rendered at 150 dpi, or an exception if there is none. */
  public static String read(byte[] pdf, int page) throws IOException {
    BufferedImage image;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      image = new PDFRenderer(document).renderImageWithDPI(page, 150, ImageType.GRAY);
    }
    try {
      return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
          Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    } catch (NotFoundException | ChecksumException | FormatException e) {
      throw new AssertionError("No readable QR code on page " + (page + 1), e);
    }
  }
}
