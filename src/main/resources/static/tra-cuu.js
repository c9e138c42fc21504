// Script of tra-cuu.html (a file of its own: the Content-Security-Policy allows no inline scripts).
"use strict";
var form = document.getElementById("form");
var result = document.getElementById("result");
var button = document.getElementById("submit");
var OUTCOMES = { EARLY: "Trả trước hạn", ON_TIME: "Trả đúng hạn", LATE: "Trả quá hạn" };

function el(tag, text, cls) {
  var node = document.createElement(tag);
  if (text !== undefined && text !== null) { node.textContent = text; }
  if (cls) { node.className = cls; }
  return node;
}

function formatDate(iso) {
  if (!iso) { return null; }
  // "2026-11-25T17:00:00+07:00": shown as Vietnamese time, whatever the browser's zone
  var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? m[4] + " giờ " + m[5] + ", ngày " + Number(m[3]) + "/" + Number(m[2]) + "/" + m[1] : iso;
}

function message(text, cls) {
  result.replaceChildren(el("div", text, "card message " + cls));
}

function errorText(status) {
  if (status === 404) { return "Không tìm thấy hồ sơ. Vui lòng kiểm tra lại mã hồ sơ và 4 số cuối điện thoại."; }
  if (status === 429) { return "Bạn tra cứu quá nhiều lần. Vui lòng thử lại sau ít phút."; }
  if (status === 400) { return "Thông tin chưa hợp lệ. 4 số cuối điện thoại gồm đúng 4 chữ số."; }
  return "Hệ thống đang bận, vui lòng thử lại sau.";
}

function show(code, phone4, d) {
  var card = el("div", null, "card");
  card.appendChild(el("div", d.stateLabel, "state"));
  var dl = el("dl");
  function row(term, value) {
    dl.appendChild(el("dt", term));
    dl.appendChild(el("dd", value || "—"));
  }
  row("Mã hồ sơ", d.code);
  row("Thủ tục", d.procedureName);
  row("Ngày hẹn trả kết quả", formatDate(d.appointmentAt) || "Chưa có (hồ sơ chưa đủ để hẹn trả)");
  row("Kết quả", d.outcome ? OUTCOMES[d.outcome] || d.outcome : null);
  card.appendChild(dl);
  result.replaceChildren(card);
  if (d.state === "RETURNED") { result.appendChild(rating(code, phone4, d.citizenRating)); }
}

var RATING_LABELS = ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];

function alreadyRated(value) {
  return "Ông/Bà đã đánh giá hồ sơ này: " + value + " sao (" + RATING_LABELS[value - 1]
      + "). Mỗi hồ sơ chỉ được đánh giá một lần, không thay đổi được.";
}

// One rating per dossier: once given, the card only says so (the server refuses a second one with 409).
function rating(code, phone4, given) {
  var card = el("div", null, "card");
  card.appendChild(el("label", "Ông/Bà hài lòng với việc giải quyết hồ sơ ở mức nào?"));
  if (given) {
    card.appendChild(el("p", alreadyRated(given), "message ok"));
    return card;
  }
  var stars = el("div", null, "stars");
  var note = el("p", null, "hint");
  function done(text, cls) {
    stars.remove();
    note.textContent = text;
    note.className = "message " + cls;
  }
  RATING_LABELS.forEach(function (label, i) {
    var star = el("button", "★ " + (i + 1));
    star.type = "button";
    star.title = label;
    star.setAttribute("aria-label", (i + 1) + " sao: " + label);
    star.addEventListener("click", function () {
      fetch("/api/public/dossiers/" + encodeURIComponent(code) + "/rating", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ phone4: phone4, rating: i + 1 })
      }).then(function (r) {
        if (r.ok) {
          done("Cảm ơn Ông/Bà đã đánh giá: " + label + ". Mỗi hồ sơ chỉ được đánh giá một lần.", "ok");
        } else if (r.status === 409) {
          // already rated (perhaps from another device) or not yet returned: the status says which
          return fetch("/api/public/dossiers/" + encodeURIComponent(code) + "?phone4=" + encodeURIComponent(phone4))
            .then(function (s) { return s.ok ? s.json() : {}; })
            .then(function (d) {
              if (d.citizenRating) { done(alreadyRated(d.citizenRating), "bad"); }
              else { note.textContent = "Hồ sơ chưa trả kết quả nên chưa thể đánh giá."; note.className = "message bad"; }
            });
        } else {
          note.textContent = errorText(r.status);
          note.className = "message bad";
        }
      }).catch(function () { note.textContent = errorText(0); note.className = "message bad"; });
    });
    stars.appendChild(star);
  });
  card.appendChild(stars);
  card.appendChild(note);
  return card;
}

form.addEventListener("submit", function (event) {
  event.preventDefault();
  var code = document.getElementById("code").value.trim().toUpperCase();
  var phone4 = document.getElementById("phone4").value.trim();
  if (!code) { message("Vui lòng nhập mã hồ sơ.", "bad"); return; }
  if (!/^\d{4}$/.test(phone4)) { message("4 số cuối điện thoại gồm đúng 4 chữ số.", "bad"); return; }
  button.disabled = true;
  fetch("/api/public/dossiers/" + encodeURIComponent(code) + "?phone4=" + encodeURIComponent(phone4))
    .then(function (r) {
      if (!r.ok) { message(errorText(r.status), "bad"); return; }
      return r.json().then(function (d) { show(code, phone4, d); });
    })
    .catch(function () { message(errorText(0), "bad"); })
    .finally(function () { button.disabled = false; });
});

// a link from an SMS may carry the code, and in the fragment (never sent to the server) the
// phone's last digits: tra-cuu.html?ma=000.00.31.H48-261125-0001 (the receipt's QR code) or
// tra-cuu.html#ma=000.00.31.H48-261125-0001&so=5678
var query = new URLSearchParams(location.search);
var fragment = new URLSearchParams(location.hash.replace(/^#/, ""));
var linkedCode = fragment.get("ma") || query.get("ma");
if (linkedCode) {
  document.getElementById("code").value = linkedCode;
  // from the receipt's QR code only the phone's last digits are left to type
  document.getElementById("phone4").focus();
}
if (linkedCode && /^\d{4}$/.test(fragment.get("so") || "")) {
  document.getElementById("phone4").value = fragment.get("so");
  form.requestSubmit();
}
