package vn.danvan.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Demo profile only: creates on first start a demo root CA ("danvan Demo Root CA") and, from the
 * demo identity ({@code demo/identity.yaml}), an organisation keystore for each demo unit and a
 * personal keystore for each demo leader. Files already present are kept, never regenerated.
 *
 * <p>Layout: {@code <dir>/<unit>.p12}, {@code <dir>/<userId>.p12}, and the CA under
 * {@code <dir>/demo-ca/} ({@code root-ca.p12} with its key, {@code root-ca.pem}), outside the
 * folder's keystores.
 */
final class DemoSigningKeys {

  static final String ROOT_CA_NAME = "danvan Demo Root CA";
  static final String CA_FOLDER = "demo-ca";
  static final String IDENTITY_RESOURCE = "demo/identity.yaml";
  private static final String LEADER_GROUP = "leader";
  private static final Logger LOG = LoggerFactory.getLogger(DemoSigningKeys.class);

  private DemoSigningKeys() {}

  /** A demo unit or leader that gets a keystore. */
  record Holder(String keyName, String commonName, String organization, String title) {}

  /** Creates what is missing and returns the demo root certificate, a trust anchor. */
  static X509Certificate ensure(Path dir, char[] password) {
    return ensure(dir, password, holders());
  }

  static X509Certificate ensure(Path dir, char[] password, List<Holder> holders) {
    try {
      Files.createDirectories(dir.resolve(CA_FOLDER));
    } catch (IOException e) {
      throw new SigningConfigurationException("Cannot create the demo keystore folder " + dir.toAbsolutePath(), e);
    }
    Path rootKeystore = dir.resolve(CA_FOLDER).resolve("root-ca" + SigningKeys.EXTENSION);
    CertificateAuthority ca;
    if (Files.exists(rootKeystore)) {
      ca = CertificateAuthority.of(SigningKeys.read(rootKeystore, password));
    } else {
      ca = CertificateAuthority.create(ROOT_CA_NAME);
      CertificateAuthority.writeKeystore(rootKeystore, ca.root(), password);
      LOG.info("Demo profile: created the demo root CA in {}", rootKeystore.toAbsolutePath());
    }
    Path pem = dir.resolve(CA_FOLDER).resolve("root-ca.pem");
    if (!Files.exists(pem)) {
      CertificateAuthority.writePem(pem, ca.certificate());
    }
    int created = 0;
    for (Holder holder : holders) {
      Path keystore = dir.resolve(holder.keyName() + SigningKeys.EXTENSION);
      if (!Files.exists(keystore)) {
        SigningKey key = ca.issue(holder.keyName(), holder.commonName(), holder.organization(), holder.title());
        CertificateAuthority.writeKeystore(keystore, key, password);
        created++;
      }
    }
    if (created > 0) {
      LOG.info("Demo profile: created {} demo signing keystores in {}", created, dir.toAbsolutePath());
    }
    return ca.certificate();
  }

  /** The demo units (organisation keys) and leaders (personal keys). */
  @SuppressWarnings("unchecked")
  static List<Holder> holders() {
    try (InputStream in = DemoSigningKeys.class.getClassLoader().getResourceAsStream(IDENTITY_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + IDENTITY_RESOURCE);
      }
      Map<String, Object> root = new Yaml().load(in);
      List<Holder> holders = new ArrayList<>();
      Map<String, String> unitNames = new java.util.LinkedHashMap<>();
      for (Map<String, Object> unit : (List<Map<String, Object>>) root.get("units")) {
        String id = String.valueOf(unit.get("id"));
        String name = String.valueOf(unit.get("name"));
        unitNames.put(id, name);
        holders.add(new Holder(id, name, name, null));
      }
      for (Map<String, Object> user : (List<Map<String, Object>>) root.get("users")) {
        List<String> groups = (List<String>) user.getOrDefault("groups", List.of());
        if (groups.contains(LEADER_GROUP)) {
          String fullName = user.get("first") + " " + user.get("last");
          holders.add(new Holder(String.valueOf(user.get("id")), fullName, unitNames.get(String.valueOf(user.get("unit"))),
              (String) user.get("title")));
        }
      }
      return holders;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
