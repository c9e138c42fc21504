package vn.danvan.document;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of documents ({@code danvan.documents.*}).
 *
 * @param parentUnits the unit above each unit (commune id to province id), named on the first line
 *     of the header ("UBND TỈNH QUẢNG TRỊ" over "UBND PHƯỜNG ĐÔNG HÀ"). Camunda's tenants have only
 *     an id and a name, so the hierarchy is configuration; a unit without a parent gets a one-line header.
 */
@ConfigurationProperties("danvan.documents")
record DocumentProperties(Map<String, String> parentUnits) {

  DocumentProperties {
    parentUnits = parentUnits == null ? Map.of() : Map.copyOf(parentUnits);
  }
}
