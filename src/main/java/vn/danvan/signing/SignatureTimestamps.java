package vn.danvan.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

/**
 * Finds the time a signature provably existed: an RFC 3161 signature-time-stamp token in the CMS
 * unsigned attributes ({@code id-aa-signatureTimeStampToken}) whose message imprint is the digest
 * of this signature's value, whose own signature verifies with the TSA certificate it carries
 * (extended key usage timeStamping, valid at genTime), and whose TSA certificate chains to a
 * configured TSA trust anchor at genTime and is not revoked or out of date on the CRLs in force. Nothing
 * else proves a signing time: not the claimed {@code /M}, not a signed signingTime attribute.
 * Thread-safe (immutable).
 */
final class SignatureTimestamps {

  private final TrustAnchors tsaAnchors;

  SignatureTimestamps(TrustAnchors tsaAnchors) {
    this.tsaAnchors = tsaAnchors;
  }

  /**
   * The earliest genTime of a trusted time-stamp over the signature, if any; why a present token
   * was not trusted goes to {@code problems}.
   */
  Optional<Instant> provenTime(SignerInformation signer, RevocationLists crls, Instant now, List<String> problems) {
    if (signer.getUnsignedAttributes() == null) {
      return Optional.empty();
    }
    Attribute attribute = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    if (attribute == null) {
      return Optional.empty();
    }
    Instant earliest = null;
    for (ASN1Encodable value : attribute.getAttrValues()) {
      try {
        Instant genTime = validate(new TimeStampToken(ContentInfo.getInstance(value)), signer.getSignature(), crls, now);
        earliest = earliest == null || genTime.isBefore(earliest) ? genTime : earliest;
      } catch (Exception e) {
        // every failure (malformed token, bad signature, untrusted TSA) just means: not a proof
        problems.add("The signature time-stamp is not trusted: " + e.getMessage());
      }
    }
    return Optional.ofNullable(earliest);
  }

  private Instant validate(TimeStampToken token, byte[] signatureValue, RevocationLists crls, Instant now)
      throws Exception {
    var info = token.getTimeStampInfo();
    var calculator = new JcaDigestCalculatorProviderBuilder().build().get(info.getHashAlgorithm());
    try (OutputStream out = calculator.getOutputStream()) {
      out.write(signatureValue);
    }
    if (!MessageDigest.isEqual(calculator.getDigest(), info.getMessageImprintDigest())) {
      throw new GeneralSecurityException("its message imprint is not the digest of this signature");
    }
    var converter = new JcaX509CertificateConverter();
    List<X509Certificate> certificates = new ArrayList<>();
    for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
      certificates.add(converter.getCertificate(holder));
    }
    @SuppressWarnings("unchecked")
    var matches = token.getCertificates().getMatches((Selector<X509CertificateHolder>) token.getSID());
    if (matches.isEmpty()) {
      throw new GeneralSecurityException("the TSA certificate is not embedded in the token");
    }
    X509Certificate tsa = converter.getCertificate(matches.iterator().next());
    // signature, ESS signing certificate, timeStamping key usage, TSA certificate valid at genTime
    token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
    Instant genTime = info.getGenTime().toInstant();
    if (genTime.isAfter(now)) {
      throw new GeneralSecurityException("its time " + genTime + " is in the future");
    }
    if (tsaAnchors.isEmpty()) {
      throw new GeneralSecurityException("no TSA trust anchors are configured (danvan.signing.tsa-trust-anchors)");
    }
    List<X509Certificate> path = tsaAnchors.validate(tsa, certificates, java.util.Date.from(genTime));
    // a TSA certificate revoked at any time before now may have stamped any date: judged at now
    var revocation = crls.checkPath(path, now, now);
    if (revocation.status() == RevocationLists.Status.REVOKED || revocation.status() == RevocationLists.Status.STALE) {
      throw new GeneralSecurityException(revocation.problem());
    }
    return genTime;
  }
}
