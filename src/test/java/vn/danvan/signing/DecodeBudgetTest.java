package vn.danvan.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.cos.COSName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 1 GB flate bomb in a 1 MB PDF is refused while PDFBox decodes it, at the budget's limit:
 * the counter of decoded bytes never passes the cap. Times and heap are printed, not asserted.
 */
class DecodeBudgetTest {

  static byte[] bomb;
  static CertificateAuthority ca = CertificateAuthority.create("Test Root CA");

  @BeforeAll
  static void buildBomb() {
    long start = System.nanoTime();
    bomb = FlateBombs.gigabyteBomb();
    System.out.printf("flate bomb: %d bytes inflating to %d bytes, built in %d ms%n", bomb.length,
        FlateBombs.ONE_GIGABYTE, (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void theBombIsAOneMegabytePdfThatReallyInflatesToOneGigabyte() throws Exception {
    assertThat(bomb.length).isLessThan(1_200_000);
    // inflated here with a plain Inflater into a reused buffer (constant memory), not by PDFBox
    String text = new String(bomb, 0, 400, java.nio.charset.StandardCharsets.ISO_8859_1);
    int start = FlateBombs.indexOf(bomb, "stream\n") + "stream\n".length();
    assertThat(text).contains("/Type /ObjStm").contains("/Filter /FlateDecode");
    long inflated = 0;
    try (var in = new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(bomb, start, bomb.length - start))) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        inflated += n;
      }
    }
    assertThat(inflated).isGreaterThanOrEqualTo(FlateBombs.ONE_GIGABYTE);
    // and the same construction is a PDF that PDFBox reads: its catalog is in the object stream
    try (var document = Loader.loadPDF(FlateBombs.objectStreamBomb(1 << 20))) {
      assertThat(document.getDocumentCatalog().getCOSObject().getCOSName(COSName.TYPE)).isEqualTo(COSName.CATALOG);
    }
  }

  @Test
  void theBombIsRefusedAtTheDecodedBytesCap() {
    var limits = new VerificationLimits(32L << 20, Long.MAX_VALUE, 0, 1);
    Runtime runtime = Runtime.getRuntime();
    runtime.gc();
    long heapBefore = runtime.totalMemory() - runtime.freeMemory();
    long start = System.nanoTime();

    assertThatThrownBy(() -> verifier(limits).verify(bomb))
        .isInstanceOfSatisfying(VerificationRefusedException.class, e -> {
          assertThat(e.reason()).isEqualTo(VerificationRefusedException.DECODE_LIMIT);
          assertThat(e.getMessage()).contains("decompresses to more than 32 MB");
          assertThat(e.decodedBytes()).isLessThanOrEqualTo(32L << 20).isEqualTo(e.decodeLimitBytes());
        });
    System.out.printf("bomb refused at the 32 MB cap in %d ms, heap grew by ~%d MB%n",
        (System.nanoTime() - start) / 1_000_000, (runtime.totalMemory() - runtime.freeMemory() - heapBefore) >> 20);
  }

  @Test
  void theBombIsRefusedByTheRatioCapLongBeforeTheTotalCap() {
    var limits = new VerificationLimits(512L << 20, 100, 1L << 20, 1);

    assertThatThrownBy(() -> verifier(limits).verify(bomb))
        .isInstanceOfSatisfying(VerificationRefusedException.class, e -> {
          assertThat(e.getMessage()).contains("more than 100 times its size");
          // stopped just past the 1 MB floor: one write of PDFBox's copy buffer at most
          assertThat(e.decodedBytes()).isLessThanOrEqualTo((1L << 20) + (1 << 16));
        });
  }

  @Test
  void aBudgetOnlyLimitsItsOwnThreadAndSigningStillDecodesFreely() {
    var verifier = verifier(VerificationLimits.DEFAULT);
    assertThat(DecodeBudget.current()).isNull();
    PdfSigner signer = new PdfSigner(SigningKeys.of(ca.issue("dongha", "Phường Đông Hà", "Phường Đông Hà", null)));

    byte[] signed = signer.signAsUnit(TestPdfs.simple(), "dongha", SignatureDetails.of("Phê duyệt", "Đông Hà"));

    assertThat(verifier.verify(signed).valid()).isTrue();
    assertThat(DecodeBudget.current()).isNull();
  }

  @Test
  void everyPdfboxFilterIsBehindTheBudget() throws Exception {
    BudgetedFilter.install();
    for (COSName name : new COSName[] {COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION, COSName.LZW_DECODE,
        COSName.ASCII_HEX_DECODE, COSName.ASCII85_DECODE, COSName.RUN_LENGTH_DECODE, COSName.DCT_DECODE,
        COSName.CCITTFAX_DECODE, COSName.JBIG2_DECODE, COSName.JPX_DECODE, COSName.CRYPT}) {
      assertThat(FilterFactory.INSTANCE.getFilter(name)).as(name.getName()).isInstanceOf(BudgetedFilter.class);
    }
    // one wrapper per filter: PDFBox drops a duplicated filter of a chain by identity
    assertThat(FilterFactory.INSTANCE.getFilter(COSName.FLATE_DECODE))
        .isSameAs(FilterFactory.INSTANCE.getFilter(COSName.FLATE_DECODE_ABBREVIATION));
  }

  private static SignatureVerifier verifier(VerificationLimits limits) {
    return new SignatureVerifier(TrustAnchors.of(ca.certificate()), TrustAnchors.of(), RevocationLists.none(), limits,
        Clock.systemUTC());
  }
}
