package vn.danvan.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * Encodes a text as a QR code (ZXing): the matrix of its modules, without quiet zone (the page
 * around it is white). Error correction level M keeps it readable from a creased or stamped slip.
 */
final class QrCodes {

  private QrCodes() {}

  static BitMatrix encode(String text) {
    try {
      // width and height 0: one matrix cell per module, the renderer scales them
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
          EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
          EncodeHintType.CHARACTER_SET, "UTF-8",
          EncodeHintType.MARGIN, 0));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode a QR code of " + text.length() + " characters", e);
    }
  }
}
