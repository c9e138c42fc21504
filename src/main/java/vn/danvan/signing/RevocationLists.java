package vn.danvan.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The certificate revocation lists the operator supplies ({@code danvan.signing.crls}: DER or PEM
 * files), read at startup and again when the files are replaced ({@link CrlFiles}). A CRL counts for a certificate only if its issuer is the certificate's
 * issuer and its signature verifies with that issuer's key; at startup every CRL issued by a trust
 * anchor is verified against it and a bad one stops startup. Thread-safe (immutable).
 *
 * <p>The rules ({@link #check}): a certificate listed with a revocation date at or before the time
 * of validation is {@link Status#REVOKED}. Otherwise, when the freshest CRL of its issuer is past
 * its {@code nextUpdate} at verification time, the status is {@link Status#STALE}: an out-of-date
 * list cannot show that the certificate was not revoked since, so a stale answer is not trusted.
 * No CRL of the issuer at all is {@link Status#NOT_CHECKED} (the operator supplies none for that
 * CA), which does not by itself make a signature untrusted.
 */
public final class RevocationLists {

  /** What the CRLs say about one certificate. */
  public enum Status { GOOD, REVOKED, STALE, NOT_CHECKED }

  /**
   * @param revokedAt when the certificate was revoked, if it is on a CRL (even after the time of
   *     validation, when the status is GOOD)
   * @param problem why the status is not GOOD, in English, or null
   */
  public record Check(Status status, Instant revokedAt, String problem) {}

  private final List<X509CRL> crls;

  private RevocationLists(List<X509CRL> crls) {
    this.crls = List.copyOf(crls);
  }

  public static RevocationLists none() {
    return new RevocationLists(List.of());
  }

  public static RevocationLists of(X509CRL... crls) {
    return new RevocationLists(List.of(crls));
  }

  /**
   * Reads every CRL of the files. Fails when a file is missing, unreadable or holds no CRL, or when a
   * CRL issued by one of the anchors does not verify with the anchor's key.
   */
  public static RevocationLists load(List<Path> files, Collection<X509Certificate> anchors) {
    List<X509CRL> all = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new SigningConfigurationException("The CRL file " + file.toAbsolutePath() + " does not exist or is not readable.");
      }
      Collection<? extends CRL> read;
      try (InputStream in = Files.newInputStream(file)) {
        read = CertificateFactory.getInstance("X.509").generateCRLs(in);
      } catch (IOException | GeneralSecurityException e) {
        throw new SigningConfigurationException("The CRL file " + file.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
      }
      if (read.isEmpty()) {
        throw new SigningConfigurationException("The CRL file " + file.toAbsolutePath() + " holds no CRL.");
      }
      for (CRL crl : read) {
        X509CRL x509 = (X509CRL) crl;
        for (X509Certificate anchor : anchors) {
          if (anchor.getSubjectX500Principal().equals(x509.getIssuerX500Principal()) && !signedBy(x509, anchor)) {
            throw new SigningConfigurationException("The CRL in " + file.toAbsolutePath() + " names "
                + x509.getIssuerX500Principal().getName() + " as issuer but is not signed by that trust anchor.");
          }
        }
        all.add(x509);
      }
    }
    return new RevocationLists(all);
  }

  public int size() {
    return crls.size();
  }

  /**
   * The revocation status of a certificate at the time of validation.
   *
   * @param issuer the certificate that issued it (next in the validated path, or the trust anchor)
   * @param validationTime the time the signature is validated at (a trusted time-stamp or now)
   * @param now the time of verification, against which a CRL's nextUpdate is checked
   */
  public Check check(X509Certificate certificate, X509Certificate issuer, Instant validationTime, Instant now) {
    X509CRL freshest = null;
    Instant revokedAt = null;
    for (X509CRL crl : crls) {
      if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) || !signedBy(crl, issuer)) {
        continue;
      }
      X509CRLEntry entry = crl.getRevokedCertificate(certificate);
      if (entry != null) {
        Instant at = entry.getRevocationDate().toInstant();
        revokedAt = revokedAt == null || at.isBefore(revokedAt) ? at : revokedAt;
      }
      if (freshest == null || crl.getThisUpdate().after(freshest.getThisUpdate())) {
        freshest = crl;
      }
    }
    String subject = DistinguishedNames.commonName(certificate.getSubjectX500Principal());
    if (revokedAt != null && !revokedAt.isAfter(validationTime)) {
      return new Check(Status.REVOKED, revokedAt, "The certificate of " + subject + " was revoked on " + revokedAt
          + ", before the time of validation " + validationTime);
    }
    if (freshest == null) {
      return new Check(Status.NOT_CHECKED, revokedAt, null);
    }
    if (freshest.getNextUpdate() != null && freshest.getNextUpdate().toInstant().isBefore(now)) {
      return new Check(Status.STALE, revokedAt, "The newest CRL of " + DistinguishedNames.commonName(issuer.getSubjectX500Principal())
          + " expired on " + freshest.getNextUpdate().toInstant() + " (nextUpdate): revocation cannot be checked");
    }
    return new Check(Status.GOOD, revokedAt, null);
  }

  /**
   * The combined status of a validated path (signer first, anchor last): REVOKED or STALE if any
   * certificate is, NOT_CHECKED if any certificate has no CRL, else GOOD.
   */
  Check checkPath(List<X509Certificate> path, Instant validationTime, Instant now) {
    Check combined = new Check(Status.GOOD, null, null);
    for (int i = 0; i + 1 < path.size(); i++) {
      Check check = check(path.get(i), path.get(i + 1), validationTime, now);
      if (rank(check.status()) > rank(combined.status())) {
        combined = check;
      } else if (i == 0 && check.revokedAt() != null) {
        // the signer's own revocation date is reported even when it came after the signing
        combined = new Check(combined.status(), check.revokedAt(), combined.problem());
      }
    }
    return combined;
  }

  private static int rank(Status status) {
    return switch (status) {
      case GOOD -> 0;
      case NOT_CHECKED -> 1;
      case STALE -> 2;
      case REVOKED -> 3;
    };
  }

  private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
    try {
      crl.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
