package vn.danvan.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sample values of each procedure's own start-form section, at least every field the section
 * requires ({@code forms/receive-dossier.form}). The one place tests take them from, so that a field
 * that becomes required is added here once, not in every test that starts a dossier.
 */
public final class ProcedureSamples {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The start form's labels of the sample fields an officer types into a text or number box. */
  private static final Map<String, String> TYPED_LABELS = Map.of(
      "documentName", "Tên giấy tờ, văn bản cần chứng thực",
      "copyCount", "Số bản sao cần chứng thực",
      "childName", "Họ, chữ đệm và tên của trẻ",
      "childBirthPlace", "Nơi sinh",
      "motherName", "Họ, chữ đệm và tên người mẹ");

  private ProcedureSamples() {}

  /** The section's fields of {@code procedureCode} as the start form submits them (a date as yyyy-MM-dd). */
  public static Map<String, Object> fields(String procedureCode) {
    Map<String, Object> f = new LinkedHashMap<>();
    switch (procedureCode) {
      case "BIRTH_REGISTRATION" -> {
        f.put("childName", "Lê Gia Hân");
        f.put("childSex", "FEMALE");
        f.put("childBirthDate", "2026-03-05");
        f.put("childBirthPlace", "Bệnh viện đa khoa tỉnh Quảng Trị");
        f.put("motherName", "Trần Thị Mai");
      }
      case "DEATH_REGISTRATION" -> f.put("deceasedName", "Trần Văn Cường");
      case "MARRIAGE_REGISTRATION" -> {
        f.put("husbandName", "Trần Văn Hùng");
        f.put("husbandBirthDate", "1998-04-12");
        f.put("wifeName", "Nguyễn Thị Lan");
        f.put("wifeBirthDate", "2000-09-30");
      }
      case "CERTIFIED_COPY" -> {
        f.put("documentName", "Bằng tốt nghiệp trung học phổ thông");
        f.put("copyCount", 2);
      }
      case "RESIDENCE_CONFIRMATION" -> {
        f.put("residenceType", "PERMANENT");
        f.put("residenceAddress", "Số 12 Lê Duẩn, phường Đông Hà");
      }
      case "LAND_FIRST_REGISTRATION", "LAND_TRANSFER_REGISTRATION" -> {
        f.put("parcelNumber", "125");
        f.put("mapSheetNumber", "18");
        f.put("parcelAddress", "Khu phố 3, phường Đông Hà");
        if (procedureCode.equals("LAND_TRANSFER_REGISTRATION")) {
          f.put("transferKind", "GIFT");
          f.put("transferorName", "Đỗ Văn Thắng");
          f.put("transfereeName", "Đỗ Thị Hoa");
        }
      }
      default -> { }
    }
    return f;
  }

  /**
   * What a browser test types into the start form for {@code procedureCode}: label → text, for its
   * sample fields that are text or number boxes (options and dates are chosen by the test itself).
   */
  public static Map<String, String> typed(String procedureCode) {
    Map<String, String> typed = new LinkedHashMap<>();
    fields(procedureCode).forEach((name, value) -> {
      if (TYPED_LABELS.containsKey(name)) {
        typed.put(TYPED_LABELS.get(name), String.valueOf(value));
      }
    });
    return typed;
  }

  /** {@code variables} (a dossier's start variables) with its procedure's {@link #fields} added; a variable given wins. */
  public static Map<String, Object> with(Map<String, ?> variables) {
    Map<String, Object> all = new java.util.HashMap<>(fields(String.valueOf(variables.get("procedureCode"))));
    all.putAll(variables);
    return all;
  }

  /** {@link #fields} as engine-REST variables, a JSON fragment starting with a comma (empty for none). */
  public static String engineVariables(String procedureCode) {
    StringBuilder out = new StringBuilder();
    fields(procedureCode).forEach((name, value) -> {
      try {
        out.append(",\"").append(name).append("\": {\"value\": ").append(JSON.writeValueAsString(value)).append('}');
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return out.toString();
  }

  /**
   * A {@code POST /api/dossiers} body with its procedure's sample {@code procedureFields} added (the
   * body's own {@code procedureFields} and fields win, field by field).
   */
  public static String apiBody(String body) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(body);
      ObjectNode fields = JSON.valueToTree(fields(node.path("procedureCode").asText()));
      // the request's own names (a death's deceasedName) go on the request, never in procedureFields
      for (String own : java.util.List.of("deceasedName", "deceasedBirthYear", "deathDate")) {
        if (fields.has(own)) {
          if (!node.has(own)) {
            node.set(own, fields.get(own));
          }
          fields.remove(own);
        }
      }
      if (node.get("procedureFields") instanceof ObjectNode own) {
        fields.setAll(own);
      }
      if (!fields.isEmpty()) {
        node.set("procedureFields", fields);
      }
      return JSON.writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException("not a JSON body: " + e.getMessage(), e);
    }
  }
}
