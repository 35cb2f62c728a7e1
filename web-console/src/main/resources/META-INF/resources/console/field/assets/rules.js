// The registry's field rules, applied on the device. The rules are not written here: the registry
// serves them as data (GET /api/v1/field-rules, read from the constraints it validates with), and
// this file only knows what each kind of rule means. A kind it does not know is left to the server
// (listed by unknownKinds so the app can say so), never guessed.

/** Today's date (YYYY-MM-DD) in the given zone, as the registry's clock reads it. */
export function todayIn(zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

const missing = (v) => v === undefined || v === null;
const blank = (v) => missing(v) || (typeof v === 'string' && v.trim() === '');
const sizeOf = (v) => (Array.isArray(v) ? v.length : typeof v === 'string' ? v.length : null);
const JAVA_FLAGS = { CASE_INSENSITIVE: 'i', MULTILINE: 'm', DOTALL: 's', UNICODE_CASE: 'u' };

function regex(rule) {
  if (rule.regexp !== undefined) {
    // Bean Validation's @Pattern matches the whole value
    const flags = (rule.flags || []).map((f) => JAVA_FLAGS[f] || '').join('');
    return new RegExp(`^(?:${rule.regexp})$`, flags);
  }
  return new RegExp(rule.pattern, Array.isArray(rule.flags) ? '' : rule.flags || '');
}

function number(v) {
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) {
    return Number(v);
  }
  return null;
}

function isoDate(v) {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}

function validDate(y, m, d) {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** GB 11643 step by step, as the rule describes it; answers the failing step's name, or null. */
export function residentIdStep(rule, raw, today) {
  if (blank(raw)) {
    return 'required';
  }
  let value = rule.strip ? String(raw).trim() : String(raw);
  if (rule.upperCase) {
    value = value.toUpperCase();
  }
  if (!new RegExp(rule.pattern).test(value)) {
    return 'form';
  }
  if (!rule.provinces.includes(value.substring(0, 2))) {
    return 'region';
  }
  if (rule.prefectureNotZeroUnderCounty && value.substring(2, 4) === '00' && value.substring(4, 6) !== '00') {
    return 'region';
  }
  const y = Number(value.substring(6, 10));
  const m = Number(value.substring(10, 12));
  const d = Number(value.substring(12, 14));
  if (!validDate(y, m, d)) {
    return 'birthDate';
  }
  const birth = value.substring(6, 10) + '-' + value.substring(10, 12) + '-' + value.substring(12, 14);
  const latest = rule.latestBirthDate === 'today' ? today : rule.latestBirthDate;
  if (birth < rule.earliestBirthDate || birth > latest) {
    return 'birthRange';
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(value[i]) * rule.weights[i];
  }
  if (rule.checkCharacters[sum % 11] !== value[17]) {
    return 'checkDigit';
  }
  return null;
}

/** The birth date and sex a valid resident ID carries. */
export function residentIdParts(value) {
  const v = String(value).trim().toUpperCase();
  return {
    birthDate: v.substring(6, 10) + '-' + v.substring(10, 12) + '-' + v.substring(12, 14),
    sex: Number(v[16]) % 2 === 1 ? 'M' : 'F',
  };
}

const REQUIRING = new Set(['NotNull', 'NotBlank', 'NotEmpty', 'RequiredWithin']);
const ACROSS = new Set(['KindFields', 'EvidenceRequired']);

/**
 * One value against one rule: null when it passes, else the code the server answers. {@code at}
 * holds what a rule across fields needs: the object holding the value and the list it is in.
 */
function broken(rule, value, today, at) {
  const fails = (test) => (test ? rule.code : null);
  switch (rule.type) {
    case 'NotNull':
      return fails(missing(value));
    case 'NotBlank':
      return fails(blank(value));
    case 'NotEmpty':
      return fails(missing(value) || sizeOf(value) === 0);
    case 'RequiredWithin':
      return fails(missing(value) || (sizeOf(value) !== null && (sizeOf(value) < rule.min || sizeOf(value) > rule.max)));
    case 'FreeText': {
      if (blank(value)) {
        return fails(!rule.optional);
      }
      const text = rule.strip ? String(value).trim() : String(value);
      return fails(text.length > rule.max || (rule.pattern && !regex(rule).test(text)));
    }
  }
  if (missing(value) || (typeof value === 'string' && value === '' && rule.type !== 'Size')) {
    return null; // as Bean Validation: only the rules above speak of an absent value
  }
  switch (rule.type) {
    case 'Null':
      return fails(true);
    case 'AssertTrue':
      return fails(value !== true);
    case 'AssertFalse':
      return fails(value !== false);
    case 'Size': {
      const size = sizeOf(value);
      return fails(size !== null && ((rule.min !== undefined && size < rule.min) || (rule.max !== undefined && size > rule.max)));
    }
    case 'Min':
      return fails(number(value) === null || number(value) < Number(rule.value));
    case 'Max':
      return fails(number(value) === null || number(value) > Number(rule.value));
    case 'DecimalMin': {
      const n = number(value);
      return fails(n === null || (rule.inclusive === false ? n <= Number(rule.value) : n < Number(rule.value)));
    }
    case 'DecimalMax': {
      const n = number(value);
      return fails(n === null || (rule.inclusive === false ? n >= Number(rule.value) : n > Number(rule.value)));
    }
    case 'Positive':
      return fails(!(number(value) > 0));
    case 'PositiveOrZero':
      return fails(!(number(value) >= 0));
    case 'Negative':
      return fails(!(number(value) < 0));
    case 'NegativeOrZero':
      return fails(!(number(value) <= 0));
    case 'Digits':
    case 'DecimalBounds': {
      const text = String(value).replace(/^-/, '');
      const [whole, fraction = ''] = text.split('.');
      const digits = whole.replace(/^0+(?=\d)/, '').length;
      if (rule.type === 'Digits') {
        return fails(digits > rule.integer || fraction.length > rule.fraction);
      }
      return fails(digits + fraction.length > rule.precision || fraction.length > rule.scale);
    }
    case 'Past':
      return fails(!isoDate(value) || value >= today);
    case 'PastOrPresent':
      return fails(!isoDate(value) || value > today);
    case 'Future':
      return fails(!isoDate(value) || value <= today);
    case 'FutureOrPresent':
      return fails(!isoDate(value) || value < today);
    case 'Pattern':
    case 'PlainText':
    case 'PersonName':
      return fails(!regex(rule).test(String(value)));
    case 'Enum':
      return fails(!rule.values.some((v) => v.value === value));
    case 'PhoneNumber': {
      const digits = String(value).replace(new RegExp(rule.ignore, 'g'), '');
      return fails(!new RegExp(rule.pattern).test(digits));
    }
    case 'ResidentId': {
      const step = residentIdStep(rule, value, today);
      return step ? rule.codes[step] : null;
    }
    case 'UniqueInFile': {
      const same = at.list.filter((v) => !blank(v) && String(v).trim().toUpperCase() === String(value).trim().toUpperCase());
      return fails(same.length > 1);
    }
    case 'OneHead':
      return fails(Array.isArray(value) && value.filter((m) => m && m.relation === rule.relation).length !== 1);
    case 'AgreesWithResidentId': {
      const id = at.holder && at.holder.residentId;
      if (!id || residentIdStep(at.idRule || {}, id, today) !== null) {
        return null; // the ID's own rule speaks first
      }
      return fails(residentIdParts(id)[rule.part] !== value);
    }
    default:
      return null;
  }
}

/** Rules that speak of the value's neighbours (the moral bank's: what a kind of entry needs and leaves out). */
function brokenAcross(rule, value, today, holder) {
  const kindApplies = () => !rule.whenKind || rule.whenKind.includes(holder && holder.kind);
  switch (rule.type) {
    case 'NotAfterToday':
      return !missing(value) && (!isoDate(value) || value > today) ? rule.code : null;
    case 'KindFields':
      if (!kindApplies()) {
        return null;
      }
      return blank(value) || (rule.absent || []).some((f) => !blank(holder[f])) ? rule.code : null;
    case 'EvidenceRequired':
      return kindApplies() && blank(value) && blank(holder[rule.orField]) ? rule.code : null;
    default:
      return undefined; // not a rule across fields
  }
}

/** The kinds of rule in {@code doc} this file does not know (the server still checks them). */
export function unknownKinds(doc) {
  const known = new Set(['NotNull', 'NotBlank', 'NotEmpty', 'RequiredWithin', 'FreeText', 'Null', 'AssertTrue',
    'AssertFalse', 'Size', 'Min', 'Max', 'DecimalMin', 'DecimalMax', 'Positive', 'PositiveOrZero', 'Negative',
    'NegativeOrZero', 'Digits', 'DecimalBounds', 'Past', 'PastOrPresent', 'Future', 'FutureOrPresent', 'Pattern',
    'PlainText', 'PersonName', 'Enum', 'PhoneNumber', 'ResidentId', 'UniqueInFile', 'OneHead',
    'AgreesWithResidentId', 'NotAfterToday', 'KindFields', 'EvidenceRequired', 'Default']);
  const out = new Set();
  for (const field of doc.fields) {
    for (const rule of field.rules) {
      if (!rule.serverOnly && !known.has(rule.type) && rule.type !== 'RequiredToCorrect') {
        out.add(rule.type);
      }
    }
  }
  return [...out];
}

/** Every place {@code path} (file.members[].name) stands in {@code body}: its value, holder, list and the server's name for it. */
function places(body, path, root) {
  let found = [{ value: body, name: '', holder: null, list: null }];
  for (const segment of path.split('.')) {
    const each = segment.endsWith('[]');
    const key = each ? segment.slice(0, -2) : segment;
    const next = [];
    for (const place of found) {
      const holder = place.value;
      if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) {
        continue; // the object holding this field is not given: nothing of it is required
      }
      const value = key === '' ? holder : holder[key];
      const name = place.name === '' || place.name === root ? key : `${place.name}.${key}`;
      if (!each) {
        next.push({ value, name: key === '' ? place.name : name, holder, list: null });
      } else if (Array.isArray(value)) {
        value.forEach((v, i) => next.push({ value: v, name: `${name}[${i}]`, holder: value, list: value }));
      }
    }
    found = next;
  }
  return found;
}

/**
 * What the server would refuse in {@code body}, as [{field, code, message}] with the field named
 * as the server names it: relative to {@code root} when given (the registry names the file's
 * fields so: members[0].residentId), else by the whole path. {@code only}: the keys under root to
 * check (a correction sends some of them), null for all.
 */
export function check(doc, body, { lang = 'zh', today, only = null, root = 'file' } = {}) {
  const zone = 'Asia/Shanghai';
  const day = today || todayIn(zone);
  const errors = [];
  body = withDefaults(doc, body);
  const idRule = (doc.fields.find((f) => f.path === 'file.members[].residentId') || { rules: [] }).rules
    .find((r) => r.type === 'ResidentId');
  for (const field of doc.fields) {
    const parts = field.path.split('.');
    if (root && parts[0] !== root) {
      continue; // reason and expectedVersion are the app's to fill, not the person's
    }
    if (only && (parts.length < 2 || !only.includes(parts[1].replace('[]', '')))) {
      continue;
    }
    const siblings = siblingValues(body, field.path, root);
    for (const place of places(body, field.path, root)) {
      for (const rule of field.rules) {
        if (rule.serverOnly || rule.type === 'RequiredToCorrect') {
          continue;
        }
        if (missing(place.value) && !REQUIRING.has(rule.type) && !ACROSS.has(rule.type)
            && rule.type !== 'FreeText' && rule.type !== 'ResidentId') {
          continue;
        }
        const across = brokenAcross(rule, place.value, day, place.holder);
        const code = across !== undefined ? across : broken(rule, place.value, day, { holder: place.holder, list: siblings, idRule });
        if (code) {
          // what the server's text says of the value itself (现有 {heads} 名)
          const found = rule.type === 'OneHead' ? { heads: place.value.filter((m) => m && m.relation === rule.relation).length } : {};
          errors.push({ field: place.name, code, message: text(doc, code, { ...rule, ...found }, lang) });
          break;
        }
      }
    }
  }
  return errors;
}

/** {@code body} with the values the server assumes for absent top-level fields (a proposal's kind: DEED). */
function withDefaults(doc, body) {
  const out = { ...body };
  for (const field of doc.fields) {
    const given = field.rules.find((r) => r.type === 'Default');
    if (given && !field.path.includes('.') && missing(out[field.path])) {
      out[field.path] = given.value;
    }
  }
  return out;
}

/** The values of one field in every element of its list (members[].residentId across members). */
function siblingValues(body, path, root) {
  if (!path.includes('[]')) {
    return [];
  }
  return places(body, path, root).map((p) => p.value);
}

/** The rule's text in the language, its {name}s filled from the rule. */
export function text(doc, code, rule, lang) {
  const texts = doc.messages[code] || {};
  const template = texts[lang] || texts.zh || code;
  return template.replace(/\{(\w+)\}/g, (all, name) => (rule[name] !== undefined ? String(rule[name]) : all));
}
