package vn.danvan.document;

/** Where a stored document is in its life: rendered and numbered, or carrying its signatures. */
public enum DocumentState {
  DRAFT,
  SIGNED
}
