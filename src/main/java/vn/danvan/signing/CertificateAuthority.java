package vn.danvan.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small in-process certificate authority (EC P-256, SHA-256) for the demo profile and for tests:
 * a self-signed root that issues signing certificates for units (organisation) and leaders
 * (personal). Never meant for production keys, which come from a licensed CA.
 */
public final class CertificateAuthority {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
  private static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);
  private static final Duration SIGNER_VALIDITY = Duration.ofDays(10 * 365);

  private final SigningKey root;

  private CertificateAuthority(SigningKey root) {
    this.root = root;
  }

  /** A new self-signed root CA with the given common name. */
  public static CertificateAuthority create(String commonName) {
    KeyPair pair = newKeyPair();
    X500Name subject = name(commonName, null, null);
    Instant now = Instant.now();
    try {
      var builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(ROOT_VALIDITY)), subject, pair.getPublic());
      var extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
      X509Certificate certificate = sign(builder, pair);
      return new CertificateAuthority(new SigningKey("root-ca", pair.getPrivate(), List.of(certificate)));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot create a root CA", e);
    }
  }

  /** A CA whose root key and certificate were saved before (see {@link #root()}). */
  public static CertificateAuthority of(SigningKey root) {
    return new CertificateAuthority(root);
  }

  public SigningKey root() {
    return root;
  }

  public X509Certificate certificate() {
    return root.certificate();
  }

  /**
   * Issues a signing certificate (digitalSignature and nonRepudiation) and returns its key with
   * the chain signer, root.
   *
   * @param keyName the key's name (unit code or user id)
   * @param commonName CN: the unit's name for a seal, the person's name for a personal key
   * @param organization O: the unit the signer belongs to
   * @param title T: the person's title, or null for an organisation
   */
  public SigningKey issue(String keyName, String commonName, String organization, String title) {
    KeyPair pair = newKeyPair();
    Instant now = Instant.now();
    try {
      var builder = new JcaX509v3CertificateBuilder(certificate(), serial(), Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(SIGNER_VALIDITY)), name(commonName, organization, title), pair.getPublic());
      var extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
      builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate()));
      X509Certificate certificate = sign(builder, new KeyPair(certificate().getPublicKey(), root.privateKey()));
      return new SigningKey(keyName, pair.getPrivate(), List.of(certificate, certificate()));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot issue a certificate for " + keyName, e);
    }
  }

  /** Writes the key and its chain as a PKCS#12 file readable only by its owner, atomically. */
  public static void writeKeystore(Path file, SigningKey key, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(key.name(), key.privateKey(), password, key.chain().toArray(Certificate[]::new));
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".keystore", ".tmp");
      restrictToOwner(temp);
      try (OutputStream out = Files.newOutputStream(temp)) {
        store.store(out, password);
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write keystore " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot write keystore " + file, e);
    }
  }

  /** Writes certificates as PEM. */
  public static void writePem(Path file, X509Certificate... certificates) {
    try {
      StringWriter text = new StringWriter();
      try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
        for (X509Certificate certificate : certificates) {
          pem.writeObject(certificate);
        }
      }
      Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): the folder's permissions apply
    }
  }

  private static X500Name name(String commonName, String organization, String title) {
    X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN");
    if (organization != null) {
      builder.addRDN(BCStyle.O, organization);
    }
    if (title != null) {
      builder.addRDN(BCStyle.T, title);
    }
    return builder.addRDN(BCStyle.CN, commonName).build();
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) throws GeneralSecurityException {
    try {
      var signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuer.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 is not available", e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).add(BigInteger.ONE);
  }
}
