// The workspace pages' behaviour: the build's state live, the item form (lists, checks as one types, save with
// conflicts refused), the amendment and release forms. Every check is the server's, which runs the engine.
const csrf = document.querySelector('meta[name="csrf"]').content;
const W = JSON.parse(document.getElementById('words').textContent);

async function post(url, data) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-workspace-csrf': csrf }, body: JSON.stringify(data) });
  let body = {};
  try {
    body = await res.json();
  } catch {
    body = { message: res.statusText };
  }
  return { status: res.status, body };
}

function el(tag, attrs = {}, text = '') {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

function findingItem(f) {
  const li = el('li', { class: f.severity });
  li.append(
    el('span', { class: 'sev' }, f.severity === 'error' ? W.error : W.warning),
    ' ',
    el('span', { class: 'where' }, `${f.line}:${f.column}`),
    ` ${f.message} `,
  );
  if (f.field) li.append(el('code', {}, f.field), ' ');
  li.append(el('span', { class: 'rule' }, f.ruleId));
  return li;
}

/** `deadlines[1]` → `deadlines`, `mechanism.steps` → `mechanism`, `measure` → ''. */
function parentField(field) {
  const up = field.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
  return up === field ? '' : up;
}

// ---- the build's state, and edits on disk ----
const status = document.getElementById('build-status');
const events = new EventSource('/api/events');
events.addEventListener('build', (e) => {
  const s = JSON.parse(e.data);
  if (status) {
    status.className = `build ${s.running ? 'running' : s.ok === false ? 'failed' : 'ok'}`;
    status.textContent = s.running ? W.buildRunning : s.ok === false ? W.buildFailed : s.ok ? `${W.buildOk} (${s.ms} ms)` : W.buildNone;
  }
  if (!s.running) {
    document.dispatchEvent(new CustomEvent('workspace:built', { detail: s }));
  }
});
let dirty = false;
/** While this page's own save is on its way, the change it makes on disk is not someone else's. */
let saving = false;
events.addEventListener('content', (e) => {
  const change = JSON.parse(e.data);
  const form = document.getElementById('item-form');
  if (form) {
    if (saving || change.rel !== form.dataset.rel || change.hash === form.dataset.hash) return;
    if (!dirty) return location.reload();
    const box = document.getElementById('form-messages');
    box.replaceChildren(el('p', { class: 'conflict' }, W.changedOnDisk + ' '));
    const again = el('button', { type: 'button' }, W.reload);
    again.addEventListener('click', () => location.reload());
    box.firstChild.append(again);
    return;
  }
  if (!dirty && !document.querySelector('main form')?.contains(document.activeElement)) location.reload();
});
window.addEventListener('beforeunload', () => events.close());

// ---- the item form ----
const form = document.getElementById('item-form');
if (form) itemForm(form);

function itemForm(form) {
  const original = JSON.parse(document.getElementById('item-data').textContent);
  const steps = document.getElementById('steps');
  const chosen = document.getElementById('responsible');
  const template = document.getElementById('step-template');
  const byId = (id) => document.getElementById(id);

  function renumber() {
    [...steps.children].forEach((li, i) => {
      const text = li.querySelector('textarea');
      const deadline = li.querySelector('input');
      li.querySelectorAll('.n').forEach((n) => (n.textContent = String(i + 1)));
      const labels = li.querySelectorAll('label');
      text.id = `step-${i}`;
      labels[0].htmlFor = text.id;
      text.dataset.field = `mechanism.steps[${i}]`;
      deadline.id = `step-deadline-${i}`;
      labels[1].htmlFor = deadline.id;
      deadline.dataset.field = `deadlines[${i}]`;
      const errors = li.querySelectorAll('.field-error');
      errors[0].id = `err-mechanism.steps[${i}]`;
      errors[0].dataset.errorsFor = `mechanism.steps[${i}]`;
      errors[1].id = `err-deadlines[${i}]`;
      errors[1].dataset.errorsFor = `deadlines[${i}]`;
      text.setAttribute('aria-describedby', errors[0].id);
      deadline.setAttribute('aria-describedby', `${errors[1].id} deadline-hint`);
    });
  }

  function scope() {
    const perStep = byId('scope-steps').checked;
    form.querySelectorAll('.step-deadline').forEach((d) => (d.hidden = !perStep));
    form.querySelector('.item-deadline').hidden = perStep;
  }

  function moveButtons(list, after) {
    list.addEventListener('click', (e) => {
      const button = e.target.closest('button[data-action]');
      if (!button) return;
      const li = button.closest('li');
      const action = button.dataset.action;
      if (action === 'up' && li.previousElementSibling) li.parentNode.insertBefore(li, li.previousElementSibling);
      if (action === 'down' && li.nextElementSibling) li.parentNode.insertBefore(li.nextElementSibling, li);
      if (action === 'remove') li.remove();
      after();
      changed();
      (li.isConnected ? button : list).focus?.();
    });
  }

  byId('add-step').addEventListener('click', () => {
    const li = template.content.firstElementChild.cloneNode(true);
    steps.append(li);
    renumber();
    scope();
    li.querySelector('textarea').focus();
    changed();
  });
  moveButtons(steps, renumber);
  moveButtons(chosen, () => {});
  byId('add-department').addEventListener('change', (e) => {
    const select = e.target;
    const id = select.value;
    if (!id || chosen.querySelector(`[data-id="${CSS.escape(id)}"]`)) return (select.value = '');
    const li = el('li', { 'data-id': id });
    li.append(el('span', {}, select.selectedOptions[0].textContent));
    const buttons = el('span', { class: 'row-buttons' });
    for (const [action, label] of [
      ['up', W.moveUp],
      ['down', W.moveDown],
      ['remove', W.removeStep],
    ])
      buttons.append(el('button', { type: 'button', 'data-action': action }, label));
    li.append(buttons);
    chosen.append(li);
    select.value = '';
    changed();
  });
  form.querySelectorAll('input[name="scope"]').forEach((r) => r.addEventListener('change', () => (scope(), changed())));
  scope();

  /** The item file's data as the form says it: the file's other fields kept, the form's written over them. */
  function serialize() {
    const data = {};
    const withdrawn = byId('withdrawn')?.value ?? '';
    if (withdrawn) data.withdrawn = withdrawn;
    const numberText = byId('number').value.trim();
    data.number = /^\d+$/.test(numberText) ? Number(numberText) : numberText;
    data.measure = byId('measure').value;
    const stepTexts = [...steps.querySelectorAll('textarea')].map((t) => t.value);
    const intro = byId('intro').value;
    if (typeof original.mechanism === 'string' && stepTexts.length === 0) data.mechanism = intro;
    else {
      const mech = {};
      const before = typeof original.mechanism === 'object' && original.mechanism ? original.mechanism : {};
      if (intro) mech.intro = intro;
      for (const [k, v] of Object.entries(before)) if (k !== 'intro' && k !== 'steps') mech[k] = v;
      if (stepTexts.length) mech.steps = stepTexts;
      data.mechanism = stepTexts.length === 0 && !Object.keys(mech).length ? intro : mech;
    }
    if (byId('scope-steps').checked) data.deadlines = [...steps.querySelectorAll('input')].map((i) => i.value.trim());
    else data.deadline = byId('deadline').value.trim();
    const wanted = new Set([...form.querySelectorAll('input[name="basis"]:checked')].map((c) => c.value));
    const kept = (Array.isArray(original.basis) ? original.basis : []).filter((id) => wanted.has(id));
    const basis = [...kept, ...[...wanted].filter((id) => !kept.includes(id))];
    if (basis.length || 'basis' in original) data.basis = basis;
    if ('basisJoin' in original) data.basisJoin = original.basisJoin;
    data.result = byId('result').value;
    data.responsible = [...chosen.children].map((li) => li.dataset.id);
    // Fields the form does not show stay as the file has them.
    for (const [k, v] of Object.entries(original)) if (!(k in data) && !['withdrawn', 'deadline', 'deadlines', 'basis'].includes(k)) data[k] = v;
    return data;
  }

  function showFindings(findings, message) {
    form.querySelectorAll('.field-error').forEach((e) => e.replaceChildren());
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    const general = byId('form-messages');
    general.replaceChildren();
    if (message) general.append(el('p', {}, message));
    for (const f of findings) {
      // The finding's field, or the nearest field holding it (`deadlines[1]`, then `deadlines`), or the form's top.
      let field = f.field;
      let slot = null;
      while (field && !(slot = form.querySelector(`[data-errors-for="${CSS.escape(field)}"]`))) field = parentField(field);
      const list = el('ul', { class: 'findings' });
      list.append(findingItem(f));
      (slot ?? general).append(list);
      if (slot && f.severity === 'error') form.querySelector(`[data-field="${CSS.escape(field)}"]`)?.setAttribute('aria-invalid', 'true');
    }
  }

  let timer = null;
  let asked = 0;
  async function check() {
    const mine = ++asked;
    const { body } = await post('/api/check', { rel: form.dataset.rel, data: serialize() });
    if (mine !== asked) return; // a later check is on its way
    form.dataset.checked = String(mine);
    showFindings(body.findings ?? [], body.message);
  }
  function changed() {
    dirty = true;
    form.dataset.checked = '';
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }
  form.addEventListener('input', changed);

  const saveStatus = byId('save-status');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearTimeout(timer);
    // A check still on its way answers for the form as it was: its findings must not replace the save's outcome.
    asked++;
    saveStatus.textContent = W.working;
    const isNew = !form.dataset.rel;
    const drawnBefore = document.getElementById('preview')?.dataset.drawn;
    saving = true;
    const { status: code, body } = await (
      isNew ? post('/api/items', { data: serialize() }) : post(`/api/items/${form.dataset.number}`, { hash: form.dataset.hash, data: serialize() })
    ).finally(() => (saving = false));
    if (code === 409) {
      saveStatus.textContent = '';
      showFindings([], W.conflict);
      byId('form-messages').firstChild.className = 'conflict';
      return byId('form-messages').scrollIntoView({ block: 'center' });
    }
    if (code === 422) {
      saveStatus.textContent = W.fixFirst;
      showFindings(body.findings ?? [], body.message);
      const first = form.querySelector('[aria-invalid="true"]');
      return first ? first.focus() : byId('form-messages').scrollIntoView({ block: 'center' });
    }
    if (code !== 200) return void (saveStatus.textContent = body.message ?? String(code));
    if (body.status === 'unchanged') return void (saveStatus.textContent = W.nothingToSave);
    dirty = false;
    form.dataset.hash = body.hash;
    showFindings(body.findings ?? []);
    if (isNew) return void (location.href = `/items/${serialize().number}`);
    // The server answers once the rebuild is done; the preview may have redrawn already.
    saveStatus.textContent = document.getElementById('preview')?.dataset.drawn !== drawnBefore ? W.savedBuilt : W.saved;
  });
  document.addEventListener('workspace:preview-shown', () => {
    if (saveStatus.textContent === W.saved) saveStatus.textContent = W.savedBuilt;
  });
}

// ---- the preview of the signed pages ----
if (document.getElementById('preview')?.dataset.pdf) import('/static/preview.js');

// ---- forms that add an entry to a registry list: amendments, departments, acts ----
for (const entryForm of document.querySelectorAll('form.entry-form')) {
  entryForm.addEventListener('input', () => (dirty = true));
  entryForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const entry = {};
    for (const input of entryForm.querySelectorAll('[data-key]')) {
      const value = input.value.trim();
      if (!value && input.dataset.key === 'id' && entryForm.dataset.list === 'amendments') continue; // the loader gives one
      const typed =
        input.dataset.type === 'numbers'
          ? value
              .split(/[,\s]+/)
              .filter(Boolean)
              .map((n) => (/^\d+$/.test(n) ? Number(n) : n))
          : value;
      const path = input.dataset.key.split('.');
      let at = entry;
      for (const k of path.slice(0, -1)) at = at[k] ??= {};
      at[path.at(-1)] = typed;
    }
    const box = entryForm.querySelector('.messages');
    entryForm.querySelectorAll('.field-error').forEach((x) => x.replaceChildren());
    box.replaceChildren(el('p', {}, W.working));
    const { status: code, body } = await post(`/api/registry/${entryForm.dataset.list}`, { data: entry });
    if (code === 200) {
      dirty = false;
      return location.reload();
    }
    box.replaceChildren();
    if (code === 409) box.append(el('p', { class: 'conflict' }, W.conflict));
    if (body.message) box.append(el('p', {}, body.message));
    for (const f of body.findings ?? []) {
      // `amendments[3].basis.number` → the field `basis.number`; a finding on the list itself goes to the form's foot.
      let key = f.field.replace(/^[a-z]+\[\d+\]\.?/, '');
      let slot = null;
      while (key && !(slot = entryForm.querySelector(`[data-errors-for="${CSS.escape(key)}"]`))) key = parentField(key);
      const list = el('ul', { class: 'findings' });
      list.append(findingItem(f));
      (slot ?? box).append(list);
    }
  });
}

const releaseForm = document.getElementById('release-form');
releaseForm?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const box = document.getElementById('release-messages');
  box.replaceChildren(el('p', {}, W.working));
  const { status: code, body } = await post('/api/release', { label: document.getElementById('release-label').value });
  if (code === 200) return location.reload();
  box.replaceChildren();
  for (const line of body.lines ?? [body.message]) box.append(el('p', {}, line));
  const list = el('ul', { class: 'findings' });
  for (const f of body.diagnostics ?? []) list.append(findingItem({ ...f, line: `${f.file}:${f.line}` }));
  box.append(list);
});
