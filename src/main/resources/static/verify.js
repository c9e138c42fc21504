// Script of verify.html (a file of its own: the Content-Security-Policy allows no inline scripts).
"use strict";
var ENDPOINT = "/api/signatures/verify";
var form = document.getElementById("form");
var result = document.getElementById("result");
var button = document.getElementById("submit");

function element(tag, className, text) {
  var node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text !== undefined && text !== null) { node.textContent = text; }
  return node;
}

function formatTime(iso) {
  if (!iso) { return "Không rõ"; }
  var date = new Date(iso);
  return isNaN(date) ? iso : date.toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" });
}

function showMessage(className, text) {
  result.replaceChildren();
  var card = element("div", "card");
  card.appendChild(element("div", "verdict " + className, text));
  result.appendChild(card);
}

function check(ok, good, badText) {
  return element("li", null, (ok ? "✔ " : "✘ ") + (ok ? good : badText));
}

var REVOCATION = {
  GOOD: "Chứng thư số không bị thu hồi (theo danh sách thu hồi chứng thư số hiện có)",
  REVOKED: "Chứng thư số đã bị thu hồi",
  STALE: "Danh sách thu hồi chứng thư số đã hết hạn cập nhật: không xác định được chứng thư số có bị thu hồi hay không",
  NOT_CHECKED: "Chưa kiểm tra tình trạng thu hồi (hệ thống chưa có danh sách thu hồi của tổ chức cấp chứng thư này)"
};

function verdictOf(signature) {
  if (!signature.integrity) { return ["bad", "Tài liệu đã bị sửa đổi sau khi ký"]; }
  if (signature.revocation === "REVOKED") { return ["bad", "Chứng thư số đã bị thu hồi"]; }
  if (signature.certificateExpired) { return ["bad", "Chứng thư số đã hết hạn tại thời điểm kiểm tra"]; }
  if (signature.revocation === "STALE") { return ["bad", "Không xác định được tình trạng thu hồi của chứng thư số"]; }
  if (!signature.trusted) { return ["bad", "Chứng thư số không thuộc tổ chức chứng thực tin cậy"]; }
  return ["ok", "Chữ ký hợp lệ"];
}

function renderSignature(signature, index, count) {
  var card = element("section", "card");
  card.appendChild(element("h2", null, "Chữ ký " + (index + 1) + " / " + count));
  var verdict = verdictOf(signature);
  card.appendChild(element("div", "verdict " + verdict[0], verdict[1]));
  var details = element("dl");
  [["Người ký", signature.signer], ["Cơ quan, tổ chức", signature.organization],
   ["Tổ chức cấp chứng thư", signature.issuer],
   ["Thời điểm ký (do tài liệu tự ghi)", formatTime(signature.signingTime)],
   ["Thời điểm dùng để kiểm tra", formatTime(signature.validationTime) + (signature.timestamped
       ? " (theo dấu thời gian của tổ chức cung cấp dịch vụ cấp dấu thời gian tin cậy)"
       : " (thời điểm kiểm tra: chữ ký không có dấu thời gian tin cậy)")],
   ["Lý do ký", signature.reason], ["Nơi ký", signature.location]].forEach(function (row) {
    details.appendChild(element("dt", null, row[0]));
    details.appendChild(element("dd", null, row[1] || "Không có"));
  });
  if (signature.revokedAt) {
    details.appendChild(element("dt", null, "Ngày thu hồi chứng thư số"));
    details.appendChild(element("dd", null, formatTime(signature.revokedAt)));
  }
  card.appendChild(details);
  var checks = element("ul", "checks");
  checks.appendChild(check(signature.integrity, "Nội dung được ký còn nguyên vẹn",
      "Tài liệu đã bị sửa đổi sau khi ký"));
  checks.appendChild(check(!signature.certificateExpired, "Chứng thư số còn hiệu lực tại thời điểm dùng để kiểm tra",
      "Chứng thư số đã hết hạn trước thời điểm dùng để kiểm tra; thời điểm ký do tài liệu tự ghi không được dùng làm căn cứ"));
  checks.appendChild(check(signature.revocation === "GOOD" || signature.revocation === "NOT_CHECKED",
      REVOCATION[signature.revocation] || REVOCATION.NOT_CHECKED, REVOCATION[signature.revocation] || ""));
  checks.appendChild(check(signature.trusted, "Chứng thư số do tổ chức chứng thực tin cậy cấp và được tin cậy tại thời điểm kiểm tra",
      "Chứng thư số không được tin cậy tại thời điểm kiểm tra"));
  checks.appendChild(check(signature.coversWholeDocument, "Chữ ký bao trùm toàn bộ tài liệu",
      "Tài liệu có thêm nội dung sau chữ ký này (ví dụ: chữ ký tiếp theo)"));
  card.appendChild(checks);
  return card;
}

function renderReport(report) {
  result.replaceChildren();
  var summary = element("div", "card");
  var count = report.signatures.length;
  summary.appendChild(element("div", "verdict " + (report.valid ? "ok" : "bad"), report.valid
      ? "Tài liệu có " + count + " chữ ký số, tất cả hợp lệ; tài liệu không bị thay đổi sau chữ ký cuối cùng."
      : "Tài liệu không hợp lệ: xem chi tiết từng chữ ký bên dưới."));
  var hash = element("p", null, "Mã băm SHA-256 của tệp: ");
  hash.appendChild(element("span", "hash", report.documentSha256));
  summary.appendChild(hash);
  result.appendChild(summary);
  report.signatures.forEach(function (signature, index) {
    result.appendChild(renderSignature(signature, index, count));
  });
}

function errorText(status, body, retryAfter) {
  if (body && body.reason === "DECODE_LIMIT") {
    return "Tệp PDF có dữ liệu nén bất thường (giải nén vượt quá giới hạn cho phép) nên không được kiểm tra.";
  }
  if (status === 503) {
    return "Hệ thống đang kiểm tra nhiều tệp khác. Vui lòng thử lại sau " + (retryAfter || "vài") + " giây.";
  }
  if (status === 429) {
    return "Bạn đã gửi quá nhiều tệp để kiểm tra. Vui lòng thử lại sau " + (retryAfter || "ít") + " giây.";
  }
  if (status === 413) { return "Tệp quá lớn: chỉ kiểm tra được tệp tối đa 20 MB."; }
  if (status === 422) { return "Tệp PDF này không có chữ ký số."; }
  if (status === 400) { return "Tệp đã chọn không phải là tệp PDF hợp lệ."; }
  return "Không kiểm tra được tệp (lỗi " + status + "). Vui lòng thử lại sau.";
}

form.addEventListener("submit", function (event) {
  event.preventDefault();
  var input = document.getElementById("file");
  if (!input.files.length) { showMessage("warn", "Vui lòng chọn một tệp PDF."); return; }
  if (input.files[0].size > 20 * 1024 * 1024) { showMessage("bad", errorText(413)); return; }
  var data = new FormData();
  data.append("file", input.files[0]);
  button.disabled = true;
  showMessage("warn", "Đang kiểm tra…");
  fetch(ENDPOINT, { method: "POST", body: data })
    .then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        if (response.ok && body) { renderReport(body); return; }
        var unsigned = response.status === 422 && !(body && body.reason);
        showMessage(unsigned ? "warn" : "bad", errorText(response.status, body, response.headers.get("Retry-After")));
      });
    })
    .catch(function () { showMessage("bad", "Không kết nối được máy chủ. Vui lòng thử lại sau."); })
    .finally(function () { button.disabled = false; });
});
