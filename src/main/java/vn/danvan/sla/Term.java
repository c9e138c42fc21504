package vn.danvan.sla;

/** A span of time in one {@link TermUnit}: a statutory deadline, an extension. */
public record Term(int amount, TermUnit unit) {

  public Term {
    if (unit == null) {
      throw new IllegalArgumentException("A term needs a unit");
    }
    if (unit == TermUnit.SAME_DAY ? amount != 0 : amount < 1) {
      throw new IllegalArgumentException("A term of " + unit + " cannot have the amount " + amount);
    }
  }
}
