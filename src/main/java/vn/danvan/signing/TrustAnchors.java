package vn.danvan.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CertSelector;
import java.util.Date;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The root CA certificates whose certificate chains verification trusts. */
public final class TrustAnchors {

  private final List<X509Certificate> certificates;

  private TrustAnchors(List<X509Certificate> certificates) {
    this.certificates = List.copyOf(certificates);
  }

  public static TrustAnchors of(X509Certificate... certificates) {
    return new TrustAnchors(List.of(certificates));
  }

  /**
   * Reads every certificate of the PEM (or DER) files. Fails when no file is given, a file is
   * missing or unreadable, or holds no certificate.
   */
  public static TrustAnchors load(List<Path> files) {
    if (files.isEmpty()) {
      throw new SigningConfigurationException("No trust anchors are configured (danvan.signing.trust-anchors).");
    }
    List<X509Certificate> all = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new SigningConfigurationException("The trust anchor file " + file.toAbsolutePath() + " does not exist or is not readable.");
      }
      try (InputStream in = Files.newInputStream(file)) {
        Collection<? extends java.security.cert.Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
        if (read.isEmpty()) {
          throw new SigningConfigurationException("The trust anchor file " + file.toAbsolutePath() + " holds no certificate.");
        }
        read.forEach(c -> all.add((X509Certificate) c));
      } catch (IOException | CertificateException e) {
        throw new SigningConfigurationException("The trust anchor file " + file.toAbsolutePath() + " cannot be read: "
            + e.getMessage(), e);
      }
    }
    return new TrustAnchors(all);
  }

  public TrustAnchors with(X509Certificate certificate) {
    List<X509Certificate> more = new ArrayList<>(certificates);
    if (!more.contains(certificate)) {
      more.add(certificate);
    }
    return new TrustAnchors(more);
  }

  public List<X509Certificate> certificates() {
    return certificates;
  }

  Set<TrustAnchor> anchors() {
    Set<TrustAnchor> anchors = new LinkedHashSet<>();
    certificates.forEach(c -> anchors.add(new TrustAnchor(c, null)));
    return anchors;
  }

  /**
   * Builds a PKIX path from the certificate to one of the anchors, valid at the given time, with
   * revocation checking disabled.
   *
   * @param others further certificates that may be intermediates of the path
   * @return the path: the certificate first, the trust anchor's certificate last
   * @throws GeneralSecurityException with the reason when no such path exists
   */
  List<X509Certificate> validate(X509Certificate certificate, Collection<X509Certificate> others, Date at)
      throws GeneralSecurityException {
    if (certificates.isEmpty()) {
      throw new CertPathBuilderException("no trust anchors are configured");
    }
    X509CertSelector target = new X509CertSelector();
    target.setCertificate(certificate);
    PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors(), target);
    parameters.setRevocationEnabled(false);
    parameters.setDate(at);
    parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(others)));
    var result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
    List<X509Certificate> path = new ArrayList<>();
    result.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
    path.add(result.getTrustAnchor().getTrustedCert());
    return path;
  }

  public boolean isEmpty() {
    return certificates.isEmpty();
  }
}
