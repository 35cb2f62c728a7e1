// The field app's forms, built from the rules the server serves (their fields, types, enums with
// their labels) and the console's words for each field: a field added to the household file shows
// up here without a line of this file changing.

/** The file's parts the field app asks for, in order; a household's public-order facts come from records, not visits. */
export const SECTIONS = ['basic', 'members', 'production', 'land', 'assets', 'income', 'liabilities', 'social'];
/** What a correction made without signal may replace, each whole (the device never holds the whole file). */
export const CORRECTABLE = ['address', 'phone', 'yearsResident', 'production', 'land', 'assets', 'income', 'liabilities', 'social'];
const DERIVED = new Set(['file.members[].sex', 'file.members[].birthDate']); // read from the resident ID anyway
const LEFT_OUT = new Set(['file.villageCode', 'file.publicOrder']);

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) {
      continue;
    }
    if (k === 'text') {
      node.textContent = v;
    } else {
      node.setAttribute(k, v === true ? '' : v);
    }
  }
  children.flat().forEach((c) => c && node.append(c));
  return node;
};
export { el };

function sectionOf(path) {
  const part = path.split('.')[1].replace('[]', '');
  return ['address', 'phone', 'yearsResident'].includes(part) ? 'basic' : part;
}

function enumValues(field) {
  const rule = field.rules.find((r) => r.type === 'Enum');
  return rule ? rule.values : null;
}

/** One input for one field; {@code name} is the server's name for it (members[0].residentId). */
function input(field, name, value, words) {
  const values = enumValues(field);
  const required = field.required;
  let control;
  if (values) {
    control = el('select', { name, id: name, required });
    control.append(el('option', { value: '', text: words['fieldapp.choose'] }));
    for (const v of values) {
      control.append(el('option', { value: v.value, text: v.label || v.value, selected: v.value === value }));
    }
  } else if (field.type === 'boolean') {
    control = el('input', { type: 'checkbox', name, id: name, checked: value === true });
  } else if (field.type === 'date') {
    control = el('input', { type: 'date', name, id: name, value: value || '', required });
  } else {
    const leaf = field.path.split('.').pop();
    const attrs = { type: 'text', name, id: name, value: value === undefined || value === null ? '' : String(value), required };
    if (field.type === 'integer') {
      attrs.inputmode = 'numeric';
    } else if (field.type === 'number') {
      attrs.inputmode = 'decimal';
    } else if (leaf === 'phone') {
      attrs.type = 'tel';
    } else if (leaf === 'residentId') {
      attrs.autocapitalize = 'characters';
      attrs.autocomplete = 'off';
      attrs.maxlength = '18';
    }
    if (field.type === 'list') {
      attrs.placeholder = words['fieldapp.listHint'];
      attrs['data-list'] = '1';
      attrs.value = Array.isArray(value) ? value.join('、') : attrs.value;
    }
    control = el('input', attrs);
  }
  control.dataset.type = field.type;
  return el('div', { class: field.type === 'boolean' ? 'row check' : 'row' },
    el('label', { for: name, text: label(field.path, words) + (required ? ' *' : '') }),
    control,
    el('span', { class: 'error', 'data-for': name, role: 'alert' }));
}

/** A field's words: the console's name for its path, else its last part. */
export function label(path, words) {
  return words.names[path] || path.split('.').pop().replace('[]', '');
}

function leafFields(doc, section) {
  return doc.fields.filter((f) => f.path.startsWith('file.') && !LEFT_OUT.has(f.path) && !DERIVED.has(f.path)
    && sectionOf(f.path) === section && f.type !== 'object' && !(f.type === 'list' && f.path.endsWith('members'))
    && !f.path.endsWith('[]'));
}

function member(doc, index, values, words, removable) {
  const box = el('fieldset', { class: 'member', 'data-index': String(index) },
    el('legend', { text: `${words['fieldapp.member']}${index + 1}` }));
  for (const field of leafFields(doc, 'members')) {
    const leaf = field.path.split('.').pop();
    box.append(input(field, `members[${index}].${leaf}`, values[leaf], words));
  }
  if (removable) {
    box.append(el('button', { type: 'button', class: 'link remove-member', text: words['fieldapp.removeMember'] }));
  }
  return box;
}

function groupValue(file, section) {
  return section === 'basic' ? file : file[section];
}

/**
 * The household form: the given file's values (a new file's defaults, or one sent back to be
 * mended), every section of the file, members repeated. {@code correcting}: only the parts a
 * correction may replace, each with a tick to include it.
 */
export function householdForm(doc, file, words, { correcting = false, included = [] } = {}) {
  const form = el('form', { id: 'household-form', novalidate: true, autocomplete: 'off' });
  form.append(el('div', { class: 'error summary', 'data-for': '', role: 'alert' }));
  for (const section of SECTIONS) {
    if (correcting && section === 'members') {
      continue;
    }
    const title = section === 'basic' ? words['fieldapp.section.basic'] : label(`file.${section}`, words);
    const box = el('fieldset', { class: 'section', 'data-section': section }, el('legend', { text: title }));
    const optional = section !== 'basic' && section !== 'members';
    if (optional || correcting) {
      const on = correcting ? included.includes(section) : file[section] !== undefined && file[section] !== null;
      box.append(el('label', { class: 'include' },
        el('input', { type: 'checkbox', class: 'include-section', 'data-section': section, checked: on }),
        ` ${correcting ? words['fieldapp.replaceSection'] : words['fieldapp.include']}`));
      box.classList.toggle('off', !on);
    }
    if (section === 'members') {
      (file.members || [{}]).forEach((m, i) => box.append(member(doc, i, m || {}, words, i > 0)));
      box.append(el('button', { type: 'button', id: 'add-member', class: 'link', text: words['fieldapp.addMember'] }));
      box.append(el('span', { class: 'error', 'data-for': 'members', role: 'alert' }));
    } else {
      const values = groupValue(file, section) || {};
      for (const field of leafFields(doc, section)) {
        box.append(input(field, field.path.split('.').slice(1).join('.'), values[field.path.split('.').pop()], words));
      }
    }
    form.append(box);
  }
  form.append(el('div', { class: 'row' }, el('label', { for: 'reason', text: words['fieldapp.reason'] }),
    el('input', { type: 'text', id: 'reason', name: 'reason', value: file.__reason || '', maxlength: '500' })));
  form.append(el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'save', class: 'primary', text: words['fieldapp.save'] })));
  form.addEventListener('change', (e) => {
    if (e.target.classList.contains('include-section')) {
      e.target.closest('fieldset').classList.toggle('off', !e.target.checked);
    }
  });
  form.addEventListener('click', (e) => {
    if (e.target.id === 'add-member') {
      const count = form.querySelectorAll('fieldset.member').length;
      e.target.before(member(doc, count, {}, words, true));
    } else if (e.target.classList.contains('remove-member')) {
      e.target.closest('fieldset.member').remove();
      renumber(form, doc, words);
    }
  });
  return form;
}

function renumber(form, doc, words) {
  form.querySelectorAll('fieldset.member').forEach((box, i) => {
    box.dataset.index = String(i);
    box.querySelector('legend').textContent = `${words['fieldapp.member']}${i + 1}`;
    box.querySelectorAll('[name]').forEach((c) => {
      c.name = c.name.replace(/^members\[\d+]/, `members[${i}]`);
      c.id = c.name;
      const caption = c.closest('.row').querySelector('label');
      caption.htmlFor = c.id;
      c.closest('.row').querySelector('.error').dataset.for = c.name;
    });
  });
}

function valueOf(control) {
  if (control.type === 'checkbox') {
    return control.checked;
  }
  const raw = control.value.trim();
  if (raw === '') {
    return undefined;
  }
  if (control.dataset.list) {
    return raw.split(/[、,，;；]/).map((s) => s.trim()).filter((s) => s !== '');
  }
  if ((control.dataset.type === 'integer' || control.dataset.type === 'number') && !Number.isNaN(Number(raw))) {
    return Number(raw);
  }
  return raw;
}

function setPath(target, path, value) {
  const parts = path.split('.');
  let at = target;
  parts.forEach((part, i) => {
    const m = part.match(/^(\w+)\[(\d+)]$/);
    const last = i === parts.length - 1;
    if (m) {
      at[m[1]] = at[m[1]] || [];
      at[m[1]][Number(m[2])] = at[m[1]][Number(m[2])] || {};
      at = at[m[1]][Number(m[2])];
    } else if (last) {
      at[part] = value;
    } else {
      at[part] = at[part] || {};
      at = at[part];
    }
  });
}

/** The form as the file's JSON: sections left unticked are left out, empty inputs too. */
export function readHousehold(form) {
  const file = {};
  const included = [];
  for (const box of form.querySelectorAll('fieldset.section')) {
    const tick = box.querySelector(':scope > .include input');
    if (tick && !tick.checked) {
      continue;
    }
    if (tick) {
      included.push(box.dataset.section);
    }
    for (const control of box.querySelectorAll('[name]')) {
      const value = valueOf(control);
      if (value !== undefined) {
        setPath(file, control.name, value);
      }
    }
    if (box.dataset.section !== 'basic' && box.dataset.section !== 'members' && tick && file[box.dataset.section] === undefined) {
      file[box.dataset.section] = {};
    }
  }
  if (file.members) {
    file.members = file.members.filter((m) => m !== undefined);
  }
  return { file, included, reason: form.querySelector('#reason').value.trim() };
}

/** The errors beside their fields; those naming no field of the form above it. Answers how many. */
export function showErrors(form, errors) {
  form.querySelectorAll('.error').forEach((e) => { e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
  const summary = form.querySelector('.error.summary');
  const rest = [];
  for (const error of errors) {
    const slot = form.querySelector(`.error[data-for="${CSS.escape(error.field || '')}"]`);
    if (slot && error.field) {
      slot.textContent = slot.textContent ? `${slot.textContent}；${error.message}` : error.message;
      const control = form.querySelector(`[name="${CSS.escape(error.field)}"]`);
      if (control) {
        control.setAttribute('aria-invalid', 'true');
      }
    } else {
      rest.push(error.field ? `${error.field}：${error.message}` : error.message);
    }
  }
  summary.textContent = rest.join('；');
  return errors.length;
}

/** The deed proposal's form: the household is chosen from the list, the rule from the moral bank's catalogue. */
export function deedForm(rules, values, words, today) {
  const form = el('form', { id: 'deed-form', novalidate: true, autocomplete: 'off' });
  form.append(el('div', { class: 'error summary', 'data-for': '', role: 'alert' }));
  const choice = el('select', { name: 'ruleCode', id: 'ruleCode', required: true },
    el('option', { value: '', text: words['fieldapp.choose'] }),
    rules.map((r) => el('option', { value: r.code, text: `${r.name}（${r.points > 0 ? '+' : ''}${r.points}${words['fieldapp.points']}）`, selected: r.code === values.ruleCode })));
  const row = (name, control) => el('div', { class: 'row' }, el('label', { for: name, text: words[`fieldapp.${name}`] }), control,
    el('span', { class: 'error', 'data-for': name, role: 'alert' }));
  form.append(row('ruleCode', choice));
  form.append(row('deedDate', el('input', { type: 'date', name: 'deedDate', id: 'deedDate', value: values.deedDate || today, max: today, required: true })));
  const description = el('textarea', { name: 'description', id: 'description', rows: '3', maxlength: '500', required: true });
  description.value = values.description || '';
  form.append(row('description', description));
  const note = el('textarea', { name: 'evidenceNote', id: 'evidenceNote', rows: '2', maxlength: '500' });
  note.value = values.evidenceNote || '';
  form.append(row('evidenceNote', note));
  form.append(el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'save', class: 'primary', text: words['fieldapp.save'] })));
  return form;
}

export function readDeed(form) {
  const out = {};
  for (const control of form.querySelectorAll('[name]')) {
    const value = control.value.trim();
    if (value !== '') {
      out[control.name] = value;
    }
  }
  return out;
}
