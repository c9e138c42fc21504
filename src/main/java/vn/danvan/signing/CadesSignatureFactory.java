package vn.danvan.signing;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Builds the detached CMS signature of a PAdES baseline B-B signature (CAdES-BES): signed
 * attributes content-type, message-digest and ESS signing-certificate-v2, SHA-256, the signer's
 * chain embedded. No signing-time attribute: in PAdES the claimed time is the signature
 * dictionary's {@code /M} entry (ETSI EN 319 142-1, 5.4).
 */
final class CadesSignatureFactory {

  private CadesSignatureFactory() {}

  static byte[] sign(InputStream content, SigningKey key) throws IOException {
    try {
      X509Certificate certificate = key.certificate();
      var contentSigner = new JcaContentSignerBuilder(signatureAlgorithm(key)).build(key.privateKey());
      SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
          .setSignedAttributeGenerator(signedAttributes(certificate))
          .build(contentSigner, certificate);
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(signerInfo);
      generator.addCertificates(new JcaCertStore(key.chain()));
      return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded("DER");
    } catch (OperatorCreationException | CMSException | GeneralSecurityException e) {
      throw new SigningException("Cannot build the CMS signature with key " + key.name(), e);
    }
  }

  static String signatureAlgorithm(SigningKey key) {
    return switch (key.privateKey().getAlgorithm()) {
      case "EC", "ECDSA" -> "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      default -> throw new SigningException("Unsupported key algorithm " + key.privateKey().getAlgorithm()
          + " of key " + key.name(), null);
    };
  }

  private static CMSAttributeTableGenerator signedAttributes(X509Certificate certificate) throws GeneralSecurityException {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    IssuerSerial issuerSerial = new IssuerSerial(
        new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
        certificate.getSerialNumber());
    // ESSCertIDv2 leaves out the hash algorithm when it is the default, SHA-256.
    var signingCertificate = new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(hash, issuerSerial)});
    ASN1EncodableVector extra = new ASN1EncodableVector();
    extra.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificate)));
    var defaults = new DefaultSignedAttributeTableGenerator(new AttributeTable(extra));
    return parameters -> {
      AttributeTable table = defaults.getAttributes(parameters);
      return table.remove(CMSAttributes.signingTime);
    };
  }
}
