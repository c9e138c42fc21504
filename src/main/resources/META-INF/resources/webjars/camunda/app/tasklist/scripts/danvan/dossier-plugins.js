/*
 * danvan's Tasklist plugins (Camunda 7 plugin API: an ES module whose default export lists the
 * plugins; loaded through customScripts in ../config.js):
 *  - "Hồ sơ", a tab on the task detail (tasklist.task.detail): the dossier of the task's process
 *    instance (business key = dossier code): procedure, applicant, appointment, step deadlines,
 *    case clock, documents (and the draft result while the leader approves), case trail;
 *  - "Hồ sơ vừa tiếp nhận", a navbar action (tasklist.navbar.action) for one-stop officers: the
 *    dossiers they received in the last minutes with their code, appointment and receipt (Form 01)
 *    or supplement request (Form 02); it opens by itself when a new dossier was just received.
 * Calls go to our /api with the Tasklist session (cookie) and the session's CSRF token; every value
 * is put into the page as text (textContent), never as HTML.
 */

const API = '/api';
const ZONE = 'Asia/Ho_Chi_Minh';

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : null;
}

async function getJson(url) {
  const headers = {Accept: 'application/json'};
  const token = csrfToken();
  if (token) {
    headers['X-XSRF-TOKEN'] = token;
  }
  const answer = await fetch(url, {credentials: 'same-origin', headers});
  if (!answer.ok) {
    const error = new Error('HTTP ' + answer.status);
    error.status = answer.status;
    throw error;
  }
  return answer.json();
}

/** "17 giờ 00, ngày 2/12/2026" in Vietnam time, as the API's own texts say it. */
function vnTime(iso) {
  if (!iso) {
    return null;
  }
  const parts = {};
  new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23'
  }).formatToParts(new Date(iso)).forEach(p => { parts[p.type] = p.value; });
  return Number(parts.hour) + ' giờ ' + parts.minute + ', ngày ' + Number(parts.day) + '/' + Number(parts.month)
      + '/' + parts.year;
}

const DUE_SOON_MS = 24 * 3600 * 1000;

/** The same rule as the API's step states: past due, due within 24 hours, or in time. */
function dueState(iso, done) {
  if (!iso || done) {
    return null;
  }
  const left = new Date(iso).getTime() - Date.now();
  if (left < 0) {
    return {key: 'OVERDUE', label: 'Quá hạn'};
  }
  return left < DUE_SOON_MS ? {key: 'DUE_SOON', label: 'Sắp đến hạn'} : {key: 'ON_TIME', label: 'Đúng hạn'};
}

const DOCUMENT_STATES = {DRAFT: 'Chưa ký số', SIGNED: 'Đã ký số'};
const BADGE = {OVERDUE: 'label-danger', DUE_SOON: 'label-warning', ON_TIME: 'label-success'};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v !== null && v !== undefined) {
      node.setAttribute(k, v);
    }
  });
  children.flat().forEach(c => {
    if (c !== null && c !== undefined && c !== false) {
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
  });
  return node;
}

function badge(state) {
  return state ? el('span', {class: 'label ' + BADGE[state.key], 'data-due-state': state.key}, state.label) : null;
}

function pdfLink(url, text) {
  return el('a', {href: url, target: '_blank', rel: 'noopener', class: 'danvan-pdf'}, text);
}

function row(label, ...value) {
  return el('tr', {}, el('th', {style: 'width: 14em; font-weight: 600'}, label), el('td', {}, ...value));
}

function section(title, ...content) {
  return el('div', {class: 'danvan-section', style: 'margin: 0 0 18px 0'},
      el('h4', {style: 'margin: 0 0 6px 0; font-weight: 600'}, title), ...content);
}

function table(...rows) {
  return el('table', {class: 'table table-condensed', style: 'margin-bottom: 0'}, el('tbody', {}, ...rows));
}

async function engine(api, path) {
  return getJson(api.engineApi + path);
}

/** The applicant as far as the engine lets this user read the process variables (personal data rules). */
async function applicant(api, taskId) {
  try {
    const vars = await engine(api, '/task/' + encodeURIComponent(taskId)
        + '/variables?deserializeValues=false&variableNames=applicantName,idNumber,phone,applicantAddress');
    const value = name => (vars[name] && vars[name].value) || null;
    return {name: value('applicantName'), idNumber: value('idNumber'), phone: value('phone'),
      address: value('applicantAddress')};
  } catch (e) {
    return null;
  }
}

async function renderDossier(node, api, taskId) {
  node.textContent = 'Đang tải hồ sơ…';
  let code;
  try {
    const task = await engine(api, '/task/' + encodeURIComponent(taskId));
    const instance = await engine(api, '/process-instance/' + encodeURIComponent(task.processInstanceId));
    code = instance.businessKey;
  } catch (e) {
    code = null;
  }
  if (!code) {
    node.textContent = 'Việc này không gắn với hồ sơ thủ tục hành chính nào.';
    return;
  }
  let dossier;
  let steps;
  try {
    [dossier, steps] = await Promise.all([
      getJson(API + '/dossiers/' + encodeURIComponent(code)),
      getJson(API + '/dossiers/' + encodeURIComponent(code) + '/steps')]);
  } catch (e) {
    node.textContent = e.status === 404 ? 'Việc này không gắn với hồ sơ thủ tục hành chính nào.'
        : 'Không tải được hồ sơ ' + code + ' (lỗi ' + (e.status || 'mạng') + ').';
    return;
  }
  const person = await applicant(api, taskId);
  const done = !!dossier.returnedAt;
  const appointmentState = dueState(dossier.appointmentAt, done);
  const awaitingApproval = steps.some(s => s.taskKey === 'Task_ApproveResult');

  const content = el('div', {class: 'danvan-dossier', 'data-dossier-code': dossier.code, style: 'padding: 12px'});
  content.appendChild(section('Hồ sơ ' + dossier.code, table(
      row('Mã hồ sơ', el('strong', {class: 'danvan-code'}, dossier.code)),
      row('Thủ tục', dossier.procedureName || 'Thủ tục không còn trong danh mục'),
      row('Trạng thái', dossier.stateLabel),
      row('Ngày tiếp nhận', vnTime(dossier.receivedAt) || '—'),
      row('Hẹn trả kết quả', el('span', {class: 'danvan-appointment'}, vnTime(dossier.appointmentAt) || 'Chưa hẹn'), ' ',
          badge(appointmentState), dossier.appointmentMoved
            ? el('span', {class: 'text-muted'}, ' (đã hẹn lại; hẹn ban đầu ' + vnTime(dossier.firstAppointmentAt) + ')') : null),
      done ? row('Đã trả kết quả', vnTime(dossier.returnedAt)) : null)));

  const personRows = [];
  if (person && person.name) {
    personRows.push(row('Họ và tên', el('span', {class: 'danvan-applicant'}, person.name)));
    if (person.idNumber) personRows.push(row('Số định danh cá nhân', person.idNumber));
    if (person.phone) personRows.push(row('Số điện thoại', person.phone));
    if (person.address) personRows.push(row('Địa chỉ', person.address));
  }
  content.appendChild(section('Người nộp hồ sơ', personRows.length ? table(...personRows)
      : el('p', {class: 'text-muted'}, 'Vai trò của bạn không được xem thông tin cá nhân của người nộp hồ sơ.')));

  const docRows = dossier.documents.map(d => el('tr', {'data-document-kind': d.kind},
      el('td', {}, d.title || d.kind), el('td', {}, d.number || ''), el('td', {}, DOCUMENT_STATES[d.state] || d.state),
      el('td', {}, pdfLink(API + '/documents/' + encodeURIComponent(d.id), 'Mở / in'))));
  if (awaitingApproval) {
    docRows.push(el('tr', {'data-document-kind': 'DRAFT_RESULT', class: 'warning'},
        el('td', {}, 'Dự thảo kết quả giải quyết'), el('td', {}, 'Chưa có số'), el('td', {}, 'Chờ phê duyệt'),
        el('td', {}, pdfLink(API + '/dossiers/' + encodeURIComponent(dossier.code) + '/draft-result', 'Xem dự thảo'))));
  }
  content.appendChild(section('Văn bản của hồ sơ', docRows.length ? el('table', {class: 'table table-condensed danvan-documents'},
      el('thead', {}, el('tr', {}, el('th', {}, 'Văn bản'), el('th', {}, 'Số'), el('th', {}, 'Tình trạng'), el('th', {}, ''))),
      el('tbody', {}, docRows)) : el('p', {class: 'text-muted'}, 'Chưa có văn bản.')));

  content.appendChild(section('Các bước đang xử lý', steps.length ? el('table', {class: 'table table-condensed danvan-steps'},
      el('thead', {}, el('tr', {}, el('th', {}, 'Bước'), el('th', {}, 'Người xử lý'), el('th', {}, 'Hạn xử lý'), el('th', {}, 'Tình trạng'))),
      el('tbody', {}, steps.map(s => el('tr', {},
          el('td', {}, s.name), el('td', {}, s.assignee || 'Chưa nhận việc'), el('td', {}, s.dueText || 'Không đặt hạn'),
          el('td', {}, badge(s.dueState ? {key: s.dueState, label: s.dueStateLabel} : null))))))
      : el('p', {class: 'text-muted'}, 'Không còn bước nào đang chờ xử lý.')));

  const clock = dossier.clock;
  content.appendChild(section('Đồng hồ giải quyết', clock ? table(
      row('Trạng thái', el('span', {class: 'danvan-clock'}, clock.stateLabel)),
      row('Thời hạn giải quyết', clock.deadlineText || '—'),
      clock.pausedAt ? row('Tạm dừng từ', vnTime(clock.pausedAt)) : null,
      row('Gia hạn', clock.extensionsUsed + ' / ' + clock.maxExtensions + ' lần được phép'))
      : el('p', {class: 'text-muted'}, 'Đồng hồ chưa chạy: hồ sơ chưa đầy đủ.')));

  content.appendChild(section('Nhật ký hồ sơ', el('table', {class: 'table table-condensed danvan-trail'},
      el('thead', {}, el('tr', {}, el('th', {}, 'Thời điểm'), el('th', {}, 'Sự kiện'), el('th', {}, 'Người thực hiện'), el('th', {}, 'Chi tiết'))),
      el('tbody', {}, dossier.events.map(e => el('tr', {},
          el('td', {}, e.occurredAtText), el('td', {}, e.typeLabel || e.type), el('td', {}, e.actor || 'Hệ thống'),
          el('td', {}, e.detail || '')))))));
  node.textContent = '';
  node.appendChild(content);
}

const dossierTab = {
  id: 'danvan-dossier-tab',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  properties: {label: 'Hồ sơ'},
  render: (node, {api, taskId}) => {
    renderDossier(node, api, taskId).catch(() => {
      node.textContent = 'Không tải được hồ sơ.';
    });
  }
};

/* ---- "Hồ sơ vừa tiếp nhận" */

function receiptPanel(recent, fresh, close) {
  const panel = el('div', {class: 'danvan-recent-panel', role: 'dialog', 'aria-label': 'Hồ sơ vừa tiếp nhận',
    style: 'position: fixed; top: 56px; right: 16px; width: 460px; max-height: 75vh; overflow: auto; z-index: 2000;'
      + ' background: #fff; border: 1px solid #ccc; border-radius: 4px; box-shadow: 0 4px 16px rgba(0,0,0,.25); padding: 12px'});
  const closer = el('button', {type: 'button', class: 'close', 'aria-label': 'Đóng'}, '×');
  closer.addEventListener('click', close);
  panel.appendChild(el('div', {}, closer, el('h4', {style: 'margin-top: 0; font-weight: 600'}, 'Hồ sơ vừa tiếp nhận')));
  panel.appendChild(el('p', {class: 'text-muted'}, 'Hồ sơ bạn tiếp nhận trong ' + recent.minutes + ' phút qua.'));
  if (!recent.dossiers.length) {
    panel.appendChild(el('p', {}, 'Chưa có hồ sơ nào.'));
  }
  recent.dossiers.forEach(d => {
    const documents = [];
    if (d.receipt) {
      documents.push(pdfLink(d.receipt.url, 'In giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)'));
    }
    if (d.supplementRequest) {
      documents.push(d.supplementRequest.signed
        ? pdfLink(d.supplementRequest.url, 'In phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)')
        : el('span', {class: 'text-muted'}, 'Phiếu yêu cầu bổ sung (Mẫu 02) đang được ký số…'));
    }
    panel.appendChild(el('div', {class: 'danvan-received' + (fresh.has(d.code) ? ' danvan-fresh' : ''), 'data-dossier-code': d.code,
      style: 'border-top: 1px solid #eee; padding: 8px 0' + (fresh.has(d.code) ? '; background: #fcf8e3' : '')},
      el('div', {}, 'Mã hồ sơ: ', el('strong', {class: 'danvan-code', style: 'font-size: 1.2em'}, d.code)),
      el('div', {}, d.procedureName || d.procedureCode),
      el('div', {}, d.appointmentText ? ['Hẹn trả kết quả: ', el('strong', {class: 'danvan-appointment'}, d.appointmentText)]
        : el('span', {class: 'danvan-appointment'}, 'Hồ sơ chưa đầy đủ: chưa hẹn trả kết quả')),
      el('div', {class: 'text-muted'}, d.stateLabel + ' · tiếp nhận lúc ' + d.receivedText),
      el('div', {}, documents.map(a => el('div', {}, a)))));
  });
  return panel;
}

const recentAction = {
  id: 'danvan-recent-receipts',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node, params, scope) => {
    let known = null;
    let panel = null;
    let last = null;
    const button = el('a', {href: '', class: 'danvan-recent-action', style: 'display: none'}, 'Hồ sơ vừa tiếp nhận');
    node.appendChild(button);
    const close = () => {
      if (panel) {
        panel.remove();
        panel = null;
      }
    };
    const open = fresh => {
      close();
      panel = receiptPanel(last, fresh, close);
      document.body.appendChild(panel);
    };
    button.addEventListener('click', event => {
      event.preventDefault();
      if (panel) {
        close();
      } else if (last) {
        open(new Set());
      }
    });
    const load = async () => {
      let recent;
      try {
        recent = await getJson(API + '/counter/recent');
      } catch (e) {
        return;
      }
      last = recent;
      button.style.display = recent.officer ? '' : 'none';
      const codes = recent.dossiers.map(d => d.code);
      const fresh = new Set(known === null ? [] : codes.filter(c => !known.has(c)));
      known = new Set([...(known || []), ...codes]);
      if (fresh.size) {
        open(fresh);
      } else if (panel) {
        open(new Set([...panel.querySelectorAll('.danvan-fresh')].map(n => n.getAttribute('data-dossier-code'))));
      }
    };
    load();
    // Tasklist broadcasts "refresh" when the start form's dialog closes after a successful start
    // (and every 10 seconds): the panel opens by itself with the dossier just received.
    if (scope && scope.$on) {
      scope.$on('refresh', load);
      scope.$on('$destroy', close);
    }
  }
};

export default [dossierTab, recentAction];
