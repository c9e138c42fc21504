package vn.danvan.dossier;

/** Where a dossier stands, as officials and the citizen's status page show it. */
public enum DossierState {
  RECEIVED("Đã tiếp nhận, đang kiểm tra"),
  WAITING_SUPPLEMENT("Chờ công dân bổ sung hồ sơ"),
  IN_PROGRESS("Đang giải quyết"),
  RESULT_READY("Đã có kết quả, chờ trả"),
  RETURNED("Đã trả kết quả"),
  REFUSED("Không được giải quyết"),
  WITHDRAWN("Đã dừng theo đề nghị của công dân"),
  CLOSED("Đã đóng do không bổ sung hồ sơ");

  private final String label;

  DossierState(String label) {
    this.label = label;
  }

  /** Vietnamese label for people. */
  public String label() {
    return label;
  }

  public boolean finished() {
    return this == RETURNED || this == REFUSED || this == WITHDRAWN || this == CLOSED;
  }
}
