package vn.danvan.sla;

/** The rule allows no further extension of this case's deadline; nothing was changed. */
public class ExtensionRefusedException extends RuntimeException {

  private final String caseKey;
  private final int maxExtensions;

  public ExtensionRefusedException(String caseKey, int maxExtensions) {
    super("Case " + caseKey + ": its rule allows " + maxExtensions + " extension(s), all used");
    this.caseKey = caseKey;
    this.maxExtensions = maxExtensions;
  }

  public String caseKey() {
    return caseKey;
  }

  public int maxExtensions() {
    return maxExtensions;
  }
}
