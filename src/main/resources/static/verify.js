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

function renderSignature(signature, index, count) {
  var card = element("section", "card");
  card.appendChild(element("h2", null, "Chữ ký " + (index + 1) + " / " + count));
  var verdict;
  if (!signature.integrity) {
    verdict = element("div", "verdict bad", "Tài liệu đã bị sửa đổi sau khi ký");
  } else if (!signature.trusted) {
    verdict = element("div", "verdict bad", "Chứng thư số không thuộc tổ chức chứng thực tin cậy");
  } else {
    verdict = element("div", "verdict ok", "Chữ ký hợp lệ");
  }
  card.appendChild(verdict);
  var details = element("dl");
  [["Người ký", signature.signer], ["Cơ quan, tổ chức", signature.organization],
   ["Tổ chức cấp chứng thư", signature.issuer], ["Thời điểm ký", formatTime(signature.signingTime)],
   ["Lý do ký", signature.reason], ["Nơi ký", signature.location]].forEach(function (row) {
    details.appendChild(element("dt", null, row[0]));
    details.appendChild(element("dd", null, row[1] || "Không có"));
  });
  card.appendChild(details);
  var checks = element("ul", "checks");
  checks.appendChild(check(signature.integrity, "Nội dung được ký còn nguyên vẹn",
      "Tài liệu đã bị sửa đổi sau khi ký"));
  checks.appendChild(check(signature.trusted, "Chứng thư số do tổ chức chứng thực tin cậy cấp",
      "Chứng thư số không thuộc tổ chức chứng thực tin cậy"));
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

function errorText(status, body) {
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
        if (response.ok && body) { renderReport(body); } else { showMessage(response.status === 422 ? "warn" : "bad", errorText(response.status, body)); }
      });
    })
    .catch(function () { showMessage("bad", "Không kết nối được máy chủ. Vui lòng thử lại sau."); })
    .finally(function () { button.disabled = false; });
});
