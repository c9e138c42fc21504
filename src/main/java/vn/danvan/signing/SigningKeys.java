package vn.danvan.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The signing keys of the installation, by name: a unit code ({@code dongha}) for a unit's seal, a
 * user id ({@code dongha.chairman}) for a leader's personal key. Read once at startup from the
 * {@code *.p12} files directly inside the keystore folder; adding a keystore needs a restart.
 */
public final class SigningKeys {

  static final String EXTENSION = ".p12";
  /** Unit codes and user ids: letters and digits, separated by single dots, dashes or underscores. */
  static final Pattern NAME = Pattern.compile("[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*");

  private final Map<String, SigningKey> keys;

  private SigningKeys(Map<String, SigningKey> keys) {
    this.keys = Collections.unmodifiableMap(new TreeMap<>(keys));
  }

  public static SigningKeys of(SigningKey... keys) {
    Map<String, SigningKey> map = new TreeMap<>();
    for (SigningKey key : keys) {
      map.put(key.name(), key);
    }
    return new SigningKeys(map);
  }

  /**
   * Reads every {@code <name>.p12} in the folder. Fails when the folder is missing or unreadable,
   * holds no keystore, or a keystore does not open with the password or holds no private key with
   * its certificate.
   */
  public static SigningKeys load(Path dir, char[] password) {
    if (!Files.isDirectory(dir)) {
      throw new SigningConfigurationException("The keystore folder " + dir.toAbsolutePath() + " does not exist.");
    }
    if (!Files.isReadable(dir)) {
      throw new SigningConfigurationException("The keystore folder " + dir.toAbsolutePath() + " is not readable.");
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(f)).sorted().toList();
    } catch (IOException e) {
      throw new SigningConfigurationException("Cannot list the keystore folder " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new SigningConfigurationException("The keystore folder " + dir.toAbsolutePath() + " holds no keystore (*"
          + EXTENSION + ").");
    }
    Map<String, SigningKey> keys = new TreeMap<>();
    for (Path file : files) {
      SigningKey key = read(file, password);
      keys.put(key.name(), key);
    }
    return new SigningKeys(keys);
  }

  /** Reads the one private key entry of a PKCS#12 file; its name is the file name without {@code .p12}. */
  public static SigningKey read(Path file, char[] password) {
    String fileName = file.getFileName().toString();
    String name = fileName.substring(0, fileName.length() - EXTENSION.length());
    if (!NAME.matcher(name).matches()) {
      throw new SigningConfigurationException("Keystore " + file + ": '" + name + "' is not a unit code or user id.");
    }
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
    } catch (IOException | GeneralSecurityException e) {
      // A wrong password shows up as an IOException whose cause is an UnrecoverableKeyException.
      throw new SigningConfigurationException("Keystore " + file + " cannot be opened (wrong password or not a PKCS#12 file): "
          + e.getMessage(), e);
    }
    try {
      List<String> aliases = Collections.list(store.aliases()).stream().filter(a -> isKeyEntry(store, a)).toList();
      if (aliases.size() != 1) {
        throw new SigningConfigurationException("Keystore " + file + " must hold exactly one private key entry, it holds "
            + aliases.size() + ".");
      }
      Key key = store.getKey(aliases.get(0), password);
      Certificate[] chain = store.getCertificateChain(aliases.get(0));
      if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
        throw new SigningConfigurationException("Keystore " + file + " holds no private key with its certificate chain.");
      }
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate certificate : chain) {
        certificates.add((X509Certificate) certificate);
      }
      return new SigningKey(name, privateKey, certificates);
    } catch (GeneralSecurityException e) {
      throw new SigningConfigurationException("Keystore " + file + ": the key does not open with the keystore password: "
          + e.getMessage(), e);
    }
  }

  private static boolean isKeyEntry(KeyStore store, String alias) {
    try {
      return store.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  public Optional<SigningKey> find(String name) {
    return Optional.ofNullable(name == null ? null : keys.get(name));
  }

  public int size() {
    return keys.size();
  }

  /** Names of the keys (unit codes and user ids), sorted. */
  public List<String> names() {
    return List.copyOf(keys.keySet());
  }
}
