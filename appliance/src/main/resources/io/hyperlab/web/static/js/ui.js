// Small helpers shared by every page. Everything a user typed reaches the page through
// textContent or attribute values, never as HTML.

/** Builds an element: el('td', {class: 'num'}, 'text', child, ...). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    // Through the CSSOM: the page's Content-Security-Policy refuses style attributes.
    else if (key === 'style') for (const [prop, v] of Object.entries(value)) node.style.setProperty(prop, v);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the page's content. */
export function show(...children) {
  const view = document.getElementById('view');
  view.replaceChildren();
  append(view, children);
}

export function message(text, kind) {
  const box = document.getElementById('message');
  box.textContent = text || '';
  box.className = kind || '';
  box.hidden = !text;
}

/** An error from the API: {code, message, field}. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
    this.code = body && body.code;
    this.field = body && body.field;
  }
}

const session = { csrf: null, onUnauthorized: () => {} };
export function setCsrf(token) { session.csrf = token; }
export function onUnauthorized(handler) { session.onUnauthorized = handler; }

/** Calls the API; JSON in and out, the CSRF token on every state-changing request. */
export async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && session.csrf) headers['X-CSRF-Token'] = session.csrf;
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && path !== '/api/v1/login') session.onUnauthorized();
    throw error;
  }
  return data;
}

/** Sends a file as the request body (an import), with the CSRF token. */
export async function upload(path, file, type) {
  const response = await fetch(path, {
    method: 'POST', credentials: 'same-origin', body: file,
    headers: { 'Content-Type': type, ...(session.csrf ? { 'X-CSRF-Token': session.csrf } : {}) },
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export function number(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return Number(value).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function time(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
  return d ? `${d} d ${h} h` : h ? `${h} h ${m} min` : `${m} min ${s % 60} s`;
}

export function bytes(value) {
  if (!value) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = value, i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(1)} ${units[i]}`;
}

export function status(text) {
  return el('span', { class: `status ${text}` }, text);
}

export function progressBar(fraction, label) {
  const bar = el('div', { style: { width: `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%` } });
  return el('div', { class: 'progress', role: 'progressbar', 'aria-label': label || 'progress',
    'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.round(fraction * 100) }, bar);
}

export function table(headers, rows) {
  return el('div', { class: 'scroll' }, el('table', {},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', { class: h.startsWith('>') ? 'num' : null }, h.replace(/^>/, ''))))),
    el('tbody', {}, rows)));
}

/** A form's fields by name, as trimmed strings (empty ones left out). */
export function formValues(form) {
  const values = {};
  for (const [key, value] of new FormData(form).entries()) {
    const text = String(value).trim();
    if (text !== '') values[key] = text;
  }
  return values;
}

/** Shows an API error beside the form field it names, or in the message box. */
export function formError(form, error) {
  form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
  const input = error.field && form.querySelector(`[name="${CSS.escape(error.field)}"]`);
  if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
  message(error.message);
}

const SERIES = ['#1f6feb', '#e8833a', '#2e7d32', '#8e44ad'];

/**
 * A grouped bar chart in SVG: one group per category, one bar per series, with an optional
 * error bar (±err). groups: [{name, values: [{value, err}]}], series: names.
 */
export function barChart({ groups, series, unit }) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = (tag, attrs, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const max = Math.max(1e-9, ...groups.flatMap(g => g.values.map(v => (v ? v.value + (v.err || 0) : 0))));
  const labelWidth = 150, width = 640, barHeight = 16, gap = 10;
  const groupHeight = series.length * barHeight + gap;
  const height = groups.length * groupHeight + 30;
  const scale = (width - labelWidth - 70) / max;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `bar chart in ${unit}` });
  groups.forEach((group, gi) => {
    const y0 = gi * groupHeight + 5;
    const name = group.name.length > 24 ? group.name.slice(0, 23) + '…' : group.name;
    root.append(svg('text', { x: labelWidth - 6, y: y0 + (series.length * barHeight) / 2 + 4, 'text-anchor': 'end' }, name));
    group.values.forEach((v, si) => {
      if (!v) return;
      const y = y0 + si * barHeight;
      const w = Math.max(1, v.value * scale);
      root.append(svg('rect', { x: labelWidth, y, width: w, height: barHeight - 3, fill: SERIES[si % SERIES.length], class: 'bar' }));
      if (v.err) {
        const cy = y + (barHeight - 3) / 2;
        root.append(svg('line', { x1: labelWidth + (v.value - v.err) * scale, x2: labelWidth + (v.value + v.err) * scale,
          y1: cy, y2: cy, stroke: '#222', 'stroke-width': 1.2 }));
      }
      root.append(svg('text', { x: labelWidth + w + (v.err ? v.err * scale : 0) + 4, y: y + barHeight - 5 }, number(v.value, 0)));
    });
  });
  root.append(svg('line', { x1: labelWidth, x2: labelWidth, y1: 0, y2: height - 25, class: 'axis' }));
  root.append(svg('text', { x: labelWidth, y: height - 8 }, unit));
  const legend = series.length > 1
    ? el('div', { class: 'legend' }, series.map((s, i) => el('span', { style: { '--swatch': SERIES[i % SERIES.length] } }, s)))
    : null;
  return el('div', { class: 'chart' }, root, legend);
}
