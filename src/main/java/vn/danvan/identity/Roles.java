package vn.danvan.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The role groups of docs/design.md. Groups are roles, units are tenants: a user's rights come from
 * their groups, the cases they see from the units (tenants) they belong to.
 */
public final class Roles {

  public static final String ONE_STOP_OFFICER = "one-stop-officer";
  public static final String SPECIALIST = "specialist";
  public static final String LEADER = "leader";
  public static final String CLERK = "clerk";
  public static final String RECEPTION_OFFICER = "reception-officer";
  public static final String INSPECTOR = "inspector";
  public static final String MOBILIZATION_TEAM = "mobilization-team";
  public static final String COMPENSATION_COUNCIL = "compensation-council";
  public static final String AUDITOR = "auditor";
  public static final String PROCESS_OWNER = "process-owner";
  public static final String ADMIN = "camunda-admin";

  /** Roles that work on the cases of their own unit in Tasklist. */
  public static final List<String> OFFICIALS = List.of(ONE_STOP_OFFICER, SPECIALIST, LEADER, CLERK,
      RECEPTION_OFFICER, INSPECTOR, MOBILIZATION_TEAM, COMPENSATION_COUNCIL);

  /** Vietnamese names shown in Admin and Tasklist, by group id. */
  public static final Map<String, String> NAMES = names();

  private Roles() {}

  private static Map<String, String> names() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(ONE_STOP_OFFICER, "Cán bộ một cửa");
    names.put(SPECIALIST, "Chuyên viên thẩm định");
    names.put(LEADER, "Lãnh đạo");
    names.put(CLERK, "Văn thư");
    names.put(RECEPTION_OFFICER, "Cán bộ tiếp công dân");
    names.put(INSPECTOR, "Thanh tra viên");
    names.put(MOBILIZATION_TEAM, "Tổ vận động giải phóng mặt bằng");
    names.put(COMPENSATION_COUNCIL, "Hội đồng bồi thường, hỗ trợ, tái định cư");
    names.put(AUDITOR, "Kiểm tra, giám sát");
    names.put(PROCESS_OWNER, "Quản lý quy trình");
    names.put(ADMIN, "Quản trị hệ thống");
    return Collections.unmodifiableMap(names);
  }
}
