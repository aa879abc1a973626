// Comparison: two labels, or a label and the study's published results, side by side with a
// grouped bar chart per test; downloads in every format; export and import of runs.
import { api, upload, el, show, message, number, table, formValues, formError, barChart } from './ui.js';

const FORMATS = ['json', 'table', 'md', 'csv', 'html', 'pts'];
const REFERENCES = [['thesis-2021', 'the study (XenServer and KVM)'], ['thesis-2021:xenserver', 'the study: XenServer'],
  ['thesis-2021:kvm', 'the study: KVM']];

function sideOptions(labels, selected) {
  return [
    el('optgroup', { label: 'Labels' }, labels.map(l => el('option', { value: `label=${l}`, selected: `label=${l}` === selected }, l))),
    el('optgroup', { label: 'Reference' }, REFERENCES.map(([v, t]) => el('option', { value: `reference=${v}`, selected: `reference=${v}` === selected }, t))),
  ];
}

function query(values) {
  const params = new URLSearchParams();
  for (const side of [values.a, values.b]) {
    const [kind, ...rest] = side.split('=');
    params.append(kind, rest.join('='));
  }
  return params;
}

export async function comparePage() {
  const labels = await api('GET', '/api/v1/labels');
  const result = el('div', {});
  const form = el('form', { class: 'fields', id: 'compare' },
    el('label', {}, 'Baseline', el('select', { name: 'a', required: true }, sideOptions(labels, labels[0] ? `label=${labels[0]}` : ''))),
    el('label', {}, 'Against', el('select', { name: 'b', required: true }, sideOptions(labels, 'reference=thesis-2021'))),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Compare')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const params = query(formValues(form));
    try {
      const comparison = await api('GET', `/api/v1/compare?${params}`);
      result.replaceChildren(...comparisonView(comparison, params));
    } catch (error) {
      formError(form, error);
    }
  });
  show(el('h1', {}, 'Compare'),
    el('section', { class: 'card' }, el('h2', {}, 'Sides'), labels.length ? form
      : el('p', { class: 'muted' }, 'No runs yet: run a benchmark or import results first.')),
    result,
    el('div', { class: 'grid' }, exportCard(labels), importCard()));
}

function comparisonView(comparison, params) {
  const names = comparison.sides.map(s => s.name);
  const byTest = new Map();
  for (const row of comparison.rows) {
    if (!byTest.has(row.test)) byTest.set(row.test, []);
    byTest.get(row.test).push(row);
  }
  const downloads = el('div', { class: 'actions' }, 'Download: ', FORMATS.map(f =>
    el('a', { href: `/api/v1/compare?${params}&format=${f}&download=true` }, f)));
  return [
    comparison.flags.length ? el('section', { class: 'card' }, el('h2', {}, 'Read with care'),
      el('ul', {}, comparison.flags.map(f => el('li', {}, f.message)))) : null,
    el('section', { class: 'card', id: 'comparison' }, el('h2', {}, names.join(' vs ')), downloads,
      [...byTest.entries()].map(([test, rows]) => el('div', { dataset: { test } },
        el('h2', {}, `${rows[0].groupTitle || test} (${test})`),
        barChart({ unit: rows[0].unit, series: names,
          groups: rows.map(r => ({ name: r.metric, values: names.map(n => {
            const s = r.sides.find(x => x.side === n);
            return s ? { value: s.mean, err: s.sd } : null;
          }) })) }),
        table(['Metric', 'Unit', ...names.map(n => `>${n}`), ...names.slice(1).map(n => `>${n} vs baseline`), 'Verdict'],
          rows.map(r => el('tr', {},
            el('td', {}, r.metric), el('td', {}, r.unit),
            names.map(n => {
              const s = r.sides.find(x => x.side === n);
              return el('td', { class: 'num' }, s ? `${number(s.mean)}${s.n > 1 ? ` ± ${number(s.sd)}` : ''}` : '–');
            }),
            names.slice(1).map(n => {
              const d = r.differences.find(x => x.side === n);
              return el('td', { class: 'num' }, d && d.percent !== null ? `${d.percent > 0 ? '+' : ''}${number(d.percent, 1)} %` : '–');
            }),
            el('td', { class: 'wrap' }, r.differences.map(d => d.verdict).join(', ')))))))),
  ];
}

function exportCard(labels) {
  const form = el('form', { class: 'fields', id: 'export' },
    el('label', {}, 'Runs', el('select', { name: 'label' }, el('option', { value: '' }, 'every finished run'),
      labels.map(l => el('option', { value: l }, l)))),
    el('label', {}, 'Format', el('select', { name: 'format' }, FORMATS.filter(f => f !== 'table').map(f => el('option', { value: f }, f)))),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'secondary' }, 'Export')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const values = formValues(form);
    location.href = `/api/v1/export?${new URLSearchParams({ ...values, download: 'true' })}`;
  });
  return el('section', { class: 'card' }, el('h2', {}, 'Export'), form);
}

function importCard() {
  const form = el('form', { class: 'stack', id: 'import' },
    el('label', {}, 'A PTS composite.xml or a HyperLab JSON export', el('input', { name: 'file', type: 'file', accept: '.xml,.json', required: true })),
    el('label', {}, 'Label (for a one-run file)', el('input', { name: 'label', maxlength: 100 })),
    el('label', {}, el('span', {}, el('input', { name: 'skipExisting', type: 'checkbox', value: 'true' }), ' leave out runs already here')),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'secondary' }, 'Import')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const file = form.querySelector('input[type=file]').files[0];
    const values = formValues(form);
    const params = new URLSearchParams({ filename: file.name });
    if (values.label) params.set('label', values.label);
    if (values.skipExisting) params.set('skipExisting', 'true');
    try {
      const result = await upload(`/api/v1/imports?${params}`, file, file.name.endsWith('.xml') ? 'application/xml' : 'application/json');
      message(`Imported ${result.runs.length} run(s) from ${result.file}.`, 'info');
      await comparePage();
    } catch (error) {
      formError(form, error);
    }
  });
  return el('section', { class: 'card' }, el('h2', {}, 'Import'), form);
}
