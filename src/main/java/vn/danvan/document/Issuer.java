package vn.danvan.document;

/**
 * The issuing body as the header of a document names it (Decree 30/2020): the body above it
 * ({@code "UBND TỈNH QUẢNG TRỊ"}, null for a province), the body itself
 * ({@code "UBND PHƯỜNG ĐÔNG HÀ"}), and the place name of the date line ({@code "Đông Hà"}).
 * {@code unitName} is the unit's name for running text ({@code "phường Đông Hà"}).
 */
public record Issuer(String parentBody, String body, String place, String unitName) {

  public Issuer {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("An issuer needs a body name");
    }
    if (place == null || place.isBlank()) {
      throw new IllegalArgumentException("An issuer needs a place name");
    }
    if (unitName == null || unitName.isBlank()) {
      throw new IllegalArgumentException("An issuer needs a unit name");
    }
  }
}
