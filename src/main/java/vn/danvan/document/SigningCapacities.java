package vn.danvan.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;
import vn.danvan.identity.OfficialPosition;

/**
 * The capacity lines above a signature by the signer's position (Decree 30/2020, Art. 13), read
 * once from {@code documents/signing-capacities.yaml}: the chairman signs "TM. ỦY BAN NHÂN DÂN /
 * CHỦ TỊCH", a vice-chairman "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", an acting chairman "… / Q. CHỦ TỊCH".
 * Data, not code: no document kind has its own rule. A position without lines stops the startup.
 */
@Component
class SigningCapacities {

  static final String RESOURCE = "documents/signing-capacities.yaml";

  private final Map<OfficialPosition, List<String>> lines;

  SigningCapacities() {
    this(load(RESOURCE));
  }

  SigningCapacities(Map<OfficialPosition, List<String>> lines) {
    EnumMap<OfficialPosition, List<String>> copy = new EnumMap<>(OfficialPosition.class);
    for (OfficialPosition position : OfficialPosition.values()) {
      List<String> capacity = lines.get(position);
      if (capacity == null || capacity.isEmpty() || capacity.stream().anyMatch(l -> l == null || l.isBlank())) {
        throw new IllegalStateException(RESOURCE + ": no capacity lines for " + position);
      }
      copy.put(position, capacity.stream().map(DocumentFormats::nfc).toList());
    }
    this.lines = copy;
  }

  /** The lines above the signature of someone holding {@code position}. */
  List<String> lines(OfficialPosition position) {
    return lines.get(position);
  }

  @SuppressWarnings("unchecked")
  private static Map<OfficialPosition, List<String>> load(String resource) {
    try (InputStream in = SigningCapacities.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + resource);
      }
      Map<String, List<Object>> root = new Yaml().load(in);
      Map<OfficialPosition, List<String>> lines = new EnumMap<>(OfficialPosition.class);
      root.forEach((position, values) -> lines.put(OfficialPosition.valueOf(position),
          values.stream().map(String::valueOf).toList()));
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
