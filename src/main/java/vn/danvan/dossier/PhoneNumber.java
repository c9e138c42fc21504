package vn.danvan.dossier;

/**
 * A Vietnamese phone number as officers type it ({@code 0912 345 678}, {@code 0912.345.678},
 * {@code +84 912 345 678}) and as the dossier keeps it: digits only, in the national form
 * {@code 0912345678}, so SMS delivery and the register's last four digits see one spelling. The
 * start form's pattern lets the separators through; this is where they go, for every door (the
 * Tasklist start form, the engine REST start, {@code POST /api/dossiers}).
 */
final class PhoneNumber {

  private PhoneNumber() {}

  /** The number without spaces and dots, {@code +84} written as {@code 0}; null stays null. */
  static String normalise(String typed) {
    if (typed == null) {
      return null;
    }
    String compact = typed.strip().replaceAll("[ .]", "");
    return compact.startsWith("+84") ? "0" + compact.substring(3) : compact;
  }
}
