package vn.danvan.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * Real test PKI made with Bouncy Castle: root CAs valid for years around now (so that the past can
 * be validated), end-entity certificates with any validity (expired ones), a time-stamp authority
 * (extended key usage timeStamping), CRLs, and RFC 3161 signature time-stamps added to a PDF signed
 * by {@link PdfSigner}.
 */
public final class TestPki {

  private static final SecureRandom RANDOM = new SecureRandom();
  static final Instant NOW = Instant.now();

  private TestPki() {}

  /**
   * The operator's trust configuration every integration-test context starts with (set by
   * {@code PostgresContextInitializer}): two root CAs besides the demo root, a TSA root, a fresh
   * CRL of the first root that revokes {@link #REVOKED}, and an out-of-date CRL of the second.
   */
  public static final class Operator {
    static final SigningKey ROOT = root("IT Root CA");
    static final SigningKey STALE_ROOT = root("IT Stale CRL CA");
    static final SigningKey TSA_ROOT = root("IT TSA Root");
    static final SigningKey TSA = tsa(TSA_ROOT, "IT TSA");
    /** Valid three years ago to one year ago: expired today. */
    static final SigningKey EXPIRED = signer(ROOT, "expired", "Phường Hết Hạn", years(-3), years(-1));
    static final SigningKey REVOKED = signer(ROOT, "revoked", "Phường Thu Hồi", years(-1), years(2));
    static final SigningKey GOOD = signer(ROOT, "good", "Phường Đông Hà", years(-1), years(2));
    static final SigningKey UNDER_STALE = signer(STALE_ROOT, "stale", "Xã Cam Lộ", years(-1), years(2));
    static final Instant REVOKED_AT = days(-2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    static final PdfSigner SIGNER = new PdfSigner(SigningKeys.of(EXPIRED, REVOKED, GOOD, UNDER_STALE));

    private static List<String> properties;

    private Operator() {}

    /** The settings pointing at the files (written once per test JVM). */
    public static synchronized List<String> properties() {
      if (properties == null) {
        try {
          Path dir = Files.createTempDirectory("danvan-operator-trust");
          writePem(dir.resolve("root.pem"), ROOT.certificate());
          writePem(dir.resolve("stale-root.pem"), STALE_ROOT.certificate());
          writePem(dir.resolve("tsa-root.pem"), TSA_ROOT.certificate());
          Files.write(dir.resolve("root.crl"), crl(ROOT, days(-1), days(7), Map.of(REVOKED.certificate(), REVOKED_AT))
              .getEncoded());
          writePem(dir.resolve("stale.crl.pem"), crl(STALE_ROOT, days(-40), days(-10), Map.of()));
          properties = List.of(
              "DANVAN_SIGNING_TRUST_ANCHORS=" + dir.resolve("root.pem") + "," + dir.resolve("stale-root.pem"),
              "DANVAN_SIGNING_TSA_TRUST_ANCHORS=" + dir.resolve("tsa-root.pem"),
              "DANVAN_SIGNING_CRLS=" + dir.resolve("root.crl") + "," + dir.resolve("stale.crl.pem"));
        } catch (IOException | java.security.cert.CRLException e) {
          throw new IllegalStateException("Cannot write the test trust configuration", e);
        }
      }
      return properties;
    }
  }

  static Instant years(int years) {
    return NOW.plusSeconds(years * 365L * 86_400);
  }

  static Instant days(int days) {
    return NOW.plusSeconds(days * 86_400L);
  }

  /** A self-signed root, valid from ten years ago to ten years from now. */
  static SigningKey root(String commonName) {
    KeyPair pair = keyPair();
    try {
      X500Name name = new X500Name("C=VN,CN=" + commonName);
      var builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(years(-10)), Date.from(years(10)), name,
          pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.subjectKeyIdentifier, false,
          new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
      return new SigningKey(commonName, pair.getPrivate(), List.of(sign(builder, pair.getPrivate())));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A signing certificate (digitalSignature, nonRepudiation) issued by the root, valid in the window. */
  static SigningKey signer(SigningKey root, String keyName, String commonName, Instant notBefore, Instant notAfter) {
    return issue(root, keyName, commonName, notBefore, notAfter, false);
  }

  /** A time-stamping certificate (extended key usage timeStamping, critical) issued by the root. */
  static SigningKey tsa(SigningKey root, String commonName) {
    return issue(root, commonName, commonName, years(-5), years(5), true);
  }

  private static SigningKey issue(SigningKey root, String keyName, String commonName, Instant notBefore,
      Instant notAfter, boolean timeStamping) {
    KeyPair pair = keyPair();
    try {
      var builder = new JcaX509v3CertificateBuilder(root.certificate(), serial(), Date.from(notBefore),
          Date.from(notAfter), new X500Name("C=VN,O=" + commonName + ",CN=" + commonName), pair.getPublic());
      var extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      if (timeStamping) {
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
      }
      builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          extensions.createAuthorityKeyIdentifier(root.certificate()));
      return new SigningKey(keyName, pair.getPrivate(), List.of(sign(builder, root.privateKey()), root.certificate()));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A CRL of the root listing the certificates with their revocation dates. */
  static X509CRL crl(SigningKey root, Instant thisUpdate, Instant nextUpdate, Map<X509Certificate, Instant> revoked) {
    try {
      var builder = new X509v2CRLBuilder(X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded()),
          Date.from(thisUpdate));
      builder.setNextUpdate(Date.from(nextUpdate));
      revoked.forEach((certificate, at) ->
          builder.addCRLEntry(certificate.getSerialNumber(), Date.from(at), CRLReason.keyCompromise));
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(root.privateKey());
      return new JcaX509CRLConverter().getCRL(builder.build(signer));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Adds an RFC 3161 signature time-stamp made by the TSA at {@code genTime} to the last signature
   * of the PDF (an unsigned attribute: the signed bytes stay as they are).
   *
   * @param imprintOf the bytes whose SHA-256 the token stamps; null: the signature value (correct)
   */
  static byte[] timestamp(byte[] pdf, SigningKey tsa, Instant genTime, byte[] imprintOf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      PDSignature signature = signatures.get(signatures.size() - 1);
      int[] range = signature.getByteRange();
      CMSSignedData cms = new CMSSignedData(SignatureVerifier.contentInfo(signature.getContents(pdf)));
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      TimeStampToken token = token(tsa, genTime, imprintOf == null ? signer.getSignature() : imprintOf);
      Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
          new DERSet(ASN1Primitive.fromByteArray(token.getEncoded())));
      SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attribute));
      byte[] encoded = CMSSignedData.replaceSigners(cms, new SignerInformationStore(stamped)).getEncoded("DER");
      String hex = HexFormat.of().formatHex(encoded).toUpperCase();
      int room = range[2] - range[1] - 2;
      if (hex.length() > room) {
        throw new IllegalStateException("The time-stamped CMS does not fit the reserved /Contents");
      }
      byte[] out = pdf.clone();
      byte[] padded = (hex + "0".repeat(room - hex.length())).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(padded, 0, out, range[1] + 1, room);
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static TimeStampToken token(SigningKey tsa, Instant genTime, byte[] imprintOf) throws Exception {
    var digests = new JcaDigestCalculatorProviderBuilder().build();
    var signerInfo = new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", tsa.privateKey(), tsa.certificate());
    var generator = new TimeStampTokenGenerator(signerInfo,
        digests.get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
            org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
        new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
    generator.addCertificates(new JcaCertStore(tsa.chain()));
    byte[] imprint = MessageDigest.getInstance("SHA-256").digest(imprintOf);
    var requests = new TimeStampRequestGenerator();
    requests.setCertReq(true);
    var request = requests.generate(TSPAlgorithms.SHA256, imprint);
    return generator.generate(request, serial(), Date.from(genTime));
  }

  static void writePem(Path file, X509Certificate... certificates) {
    CertificateAuthority.writePem(file, certificates);
  }

  static void writePem(Path file, X509CRL crl) {
    try (JcaPEMWriter pem = new JcaPEMWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII))) {
      pem.writeObject(crl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, java.security.PrivateKey issuer)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter().getCertificate(builder.build(
          new JcaContentSignerBuilder("SHA256withECDSA").build(issuer)));
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).add(BigInteger.ONE);
  }
}
