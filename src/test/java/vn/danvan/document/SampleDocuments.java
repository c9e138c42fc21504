package vn.danvan.document;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Field values and texts the document tests share: a demo ward's documents, full Vietnamese. */
public final class SampleDocuments {

  static final Issuer DONGHA = new Issuer("UBND TỈNH QUẢNG TRỊ", "UBND PHƯỜNG ĐÔNG HÀ", "Đông Hà", "phường Đông Hà");
  static final LocalDate ISSUED_ON = LocalDate.of(2026, 11, 22);

  private SampleDocuments() {}

  /** A value for every field any template uses. */
  public static Map<String, String> allFields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("dossierCode", "000.00.31.H48-261122-0001");
    f.put("statusUrl", "https://motcua.example.vn/tra-cuu.html?ma=000.00.31.H48-261122-0001");
    // the procedures' own fields (start form sections), as the result reads them
    f.put("approvedAt", "10 giờ 15 phút, ngày 22/11/2026");
    f.put("childName", "Nguyễn Ngọc Ánh");
    f.put("childSex", "Nữ");
    f.put("childBirthDate", "5/11/2026");
    f.put("childBirthPlace", "Bệnh viện Đa khoa tỉnh Quảng Trị");
    f.put("childEthnicity", "Kinh");
    f.put("childNationality", "Việt Nam");
    f.put("motherName", "Trần Thị Thủy");
    f.put("fatherName", "Nguyễn Văn Đức");
    f.put("deceasedBirthYear", "1938");
    f.put("husbandName", "Trần Văn Hùng");
    f.put("husbandBirthDate", "2/3/1995");
    f.put("wifeName", "Phạm Thị Hoa");
    f.put("wifeBirthDate", "14/7/1997");
    f.put("documentName", "Bằng tốt nghiệp trung học phổ thông số A123456");
    f.put("copyCount", "3");
    f.put("residenceType", "Thông tin về nơi thường trú");
    f.put("residenceAddress", "Số 12 đường Lê Duẩn, khu phố 3, phường Đông Hà, tỉnh Quảng Trị");
    f.put("residenceSince", "1/6/2015");
    f.put("residencePurpose", "Bổ sung hồ sơ xin việc");
    f.put("parcelNumber", "125");
    f.put("mapSheetNumber", "18");
    f.put("parcelAddress", "khu phố 2, phường Đông Hà");
    f.put("parcelArea", "120.5");
    f.put("landUsePurpose", "Đất ở tại đô thị");
    f.put("transferKind", "Tặng cho");
    f.put("transferorName", "Đỗ Văn Thắng");
    f.put("transfereeName", "Đỗ Thị Lan");
    f.put("maritalStatus", "Chưa đăng ký kết hôn với ai");
    f.put("maritalStatusPurpose", "Đăng ký kết hôn");
    f.put("residentSince", "5/3/2020");
    f.put("applicantName", "Nguyễn Thị Hương");
    f.put("applicantAddress", "Số 12 đường Lê Duẩn, khu phố 3, phường Đông Hà, tỉnh Quảng Trị");
    f.put("applicantPhone", "0912 345 678");
    f.put("procedureName", "Đăng ký khai sinh");
    f.put("documentList", "1. Tờ khai đăng ký khai sinh theo mẫu: 01 bản chính.\n2. Giấy chứng sinh: 01 bản chính.");
    f.put("dossierCount", "01");
    f.put("processingTime", "trong ngày làm việc");
    f.put("receivedAt", "08 giờ 30 phút, ngày 22 tháng 11 năm 2026");
    f.put("appointmentAt", "16 giờ 00 phút, ngày 22 tháng 11 năm 2026");
    f.put("returnChannel", "Bộ phận Một cửa Ủy ban nhân dân phường Đông Hà");
    f.put("receiverName", "Nguyễn Thị Lan");
    f.put("missingItems", "1. Bản sao giấy chứng nhận kết hôn của cha, mẹ.\n2. Giấy tờ chứng minh nơi cư trú.");
    f.put("reason", "hồ sơ cần xác minh thêm thông tin về nơi cư trú của người yêu cầu");
    f.put("contactName", "bà Nguyễn Thị Lan");
    f.put("contactPhone", "0233 3852 123");
    f.put("supplementDeadline", "17 giờ 00 phút, ngày 14/12/2026");
    f.put("originalAppointment", "16 giờ 00 phút, ngày 25 tháng 11 năm 2026");
    f.put("newAppointment", "16 giờ 00 phút, ngày 02 tháng 12 năm 2026");
    f.put("signerCapacity", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
    f.put("signerName", "Lê Văn Minh");
    f.put("requestedOn", "23 tháng 11 năm 2026");
    f.put("subject", "Về việc công nhận kết quả hòa giải thành ở cơ sở");
    f.put("legalBasis", "Căn cứ Luật Hòa giải ở cơ sở ngày 20 tháng 6 năm 2013;");
    f.put("proposer", "Trưởng khu phố 3");
    f.put("decision", "Công nhận kết quả hòa giải thành giữa ông Trần Văn Hùng và bà Phạm Thị Hoa về việc sử dụng lối đi chung.");
    f.put("executors", "Văn phòng Ủy ban nhân dân phường, ông Trần Văn Hùng, bà Phạm Thị Hoa và các cá nhân có liên quan");
    f.put("recipientName", "Ông Nguyễn Văn Đức và bà Trần Thị Thủy");
    f.put("occasion", "gia đình đón cháu bé Nguyễn Ngọc Ánh chào đời");
    f.put("deceasedName", "cụ ông Hoàng Văn Lộc");
    f.put("birthYear", "1938");
    f.put("address", "khu phố 5, phường Đông Hà");
    f.put("deathDate", "20 tháng 11 năm 2026");
    f.put("projectName", "Mở rộng đường Hùng Vương, phường Đông Hà");
    f.put("handoverTime", "09 giờ 00 phút, ngày 22 tháng 11 năm 2026");
    f.put("handoverPlace", "thửa đất số 125, khu phố 2, phường Đông Hà");
    f.put("officialName", "Bùi Văn Sơn");
    f.put("officialTitle", "Tổ trưởng Tổ vận động giải phóng mặt bằng");
    f.put("householdName", "Đỗ Văn Thắng");
    f.put("householdAddress", "khu phố 2, phường Đông Hà");
    f.put("parcelNumber", "125");
    f.put("mapSheet", "18");
    f.put("area", "86,5");
    f.put("compensationDecision", "Quyết định số 45/QĐ-UBND ngày 02 tháng 10 năm 2026 của Chủ tịch Ủy ban nhân dân phường Đông Hà");
    f.put("copies", "02");
    return f;
  }
}
