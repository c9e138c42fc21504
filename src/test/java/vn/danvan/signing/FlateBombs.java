package vn.danvan.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * Decompression bombs for the verification tests, built here from nothing: a small PDF whose
 * catalog lives in a compressed object stream ({@code /ObjStm}, FlateDecode) that inflates to
 * {@code decodedBytes} (padding after the catalog). PDFBox must decode that stream to find the
 * catalog, so every verification of the file meets the bomb.
 */
final class FlateBombs {

  static final long ONE_GIGABYTE = 1L << 30;

  private static byte[] gigabyteBomb;

  private FlateBombs() {}

  /** The 1 GB bomb, built once per test JVM (deflating 1 GB takes seconds). */
  static synchronized byte[] gigabyteBomb() {
    if (gigabyteBomb == null) {
      gigabyteBomb = objectStreamBomb(ONE_GIGABYTE);
    }
    return gigabyteBomb;
  }

  static int indexOf(byte[] bytes, String text) {
    return TestPdfs.indexOf(bytes, text);
  }

  static byte[] objectStreamBomb(long decodedBytes) {
    String header = "1 0\n";
    String catalog = "<< /Type /Catalog /Pages 2 0 R >>";
    byte[] compressed = deflate((header + catalog + "\n").getBytes(StandardCharsets.US_ASCII), decodedBytes);

    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    write(pdf, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    long pages = pdf.size();
    write(pdf, "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
    long objectStream = pdf.size();
    write(pdf, "3 0 obj\n<< /Type /ObjStm /N 1 /First " + header.length() + " /Filter /FlateDecode /Length "
        + compressed.length + " >>\nstream\n");
    pdf.writeBytes(compressed);
    write(pdf, "\nendstream\nendobj\n");
    long xref = pdf.size();
    // xref stream, uncompressed: /W [1 4 2]; object 1 is the first object of object stream 3
    ByteArrayOutputStream entries = new ByteArrayOutputStream();
    entry(entries, 0, 0, 0xFFFF);
    entry(entries, 2, 3, 0);
    entry(entries, 1, pages, 0);
    entry(entries, 1, objectStream, 0);
    entry(entries, 1, xref, 0);
    write(pdf, "4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Length " + entries.size() + " >>\nstream\n");
    pdf.writeBytes(entries.toByteArray());
    write(pdf, "\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n");
    return pdf.toByteArray();
  }

  /** The prefix followed by spaces up to {@code total} bytes, deflated at the best compression. */
  private static byte[] deflate(byte[] prefix, long total) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    byte[] spaces = new byte[1 << 20];
    java.util.Arrays.fill(spaces, (byte) ' ');
    deflater.setInput(prefix);
    drain(deflater, out, buffer);
    for (long written = prefix.length; written < total; written += spaces.length) {
      deflater.setInput(spaces, 0, (int) Math.min(spaces.length, total - written));
      drain(deflater, out, buffer);
    }
    deflater.finish();
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static void drain(Deflater deflater, ByteArrayOutputStream out, byte[] buffer) {
    while (!deflater.needsInput()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
  }

  private static void entry(ByteArrayOutputStream out, int type, long field2, int field3) {
    out.write(type);
    out.write((int) (field2 >>> 24));
    out.write((int) (field2 >>> 16));
    out.write((int) (field2 >>> 8));
    out.write((int) field2);
    out.write(field3 >>> 8);
    out.write(field3);
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
