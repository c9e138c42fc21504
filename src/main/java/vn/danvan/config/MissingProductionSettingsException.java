package vn.danvan.config;

import java.util.List;

/** Startup stops with this when production mode lacks settings it cannot run without. */
public class MissingProductionSettingsException extends RuntimeException {

  private final List<String> missing;

  MissingProductionSettingsException(List<String> missing) {
    super("Production mode (no demo profile) is missing: " + String.join("; ", missing));
    this.missing = List.copyOf(missing);
  }

  public List<String> missing() {
    return missing;
  }
}
