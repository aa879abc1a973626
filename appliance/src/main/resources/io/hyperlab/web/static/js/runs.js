// Benchmarks: start a suite, follow it live, browse the history; and one run in detail.
import { api, el, show, message, time, number, status, table, formValues, formError, barChart } from './ui.js';
import * as live from './live.js';
import { runsTable, whileShown } from './app.js';

const PAGE = 20;

export async function benchmarksPage() {
  const suites = await api('GET', '/api/v1/suites');
  const tasks = live.tasksCard(5);
  const history = el('div', {});
  const filters = filterForm(history);
  whileShown(event => {
    tasks.draw();
    if (['task.started', 'task.finished', 'task.failed', 'task.cancelled'].includes(event.type)) loadHistory(history, filters, 0);
  });
  show(
    el('h1', {}, 'Benchmarks'),
    el('div', { class: 'grid' }, startForm(suites), tasks.card),
    el('section', { class: 'card' }, el('h2', {}, 'History'), filters, history));
  await loadHistory(history, filters, 0);
}

function startForm(suites) {
  const number = (name, label, attrs) => el('label', {}, label, el('input', { name, type: 'number', ...attrs }));
  const form = el('form', { class: 'stack', id: 'start-run' },
    el('div', { class: 'fields' },
      el('label', {}, 'Suite', el('select', { name: 'suite' },
        suites.map(s => el('option', { value: s.id, selected: s.id === 'thesis' }, `${s.id}: ${s.description}`)))),
      el('label', {}, 'Label', el('input', { name: 'label', placeholder: 'e.g. KVM VM', maxlength: 100 })),
      number('trials', 'Trials', { min: 1, max: 1000, value: 3 }),
      el('label', {}, 'SciMark size', el('select', { name: 'size' },
        el('option', { value: 'large', selected: true }, 'large (as the study)'), el('option', { value: 'normal' }, 'normal (in cache)')))),
    el('details', {}, el('summary', {}, 'More options'),
      el('div', { class: 'fields' },
        number('minTime', 'Min. time per kernel (s)', { min: 0.01, step: 0.01, placeholder: '2' }),
        number('maxTrials', 'Max. trials', { min: 1, max: 1000 }),
        number('threshold', '%SD threshold', { min: 0.01, step: 0.01, placeholder: '3.5' }),
        number('threads', 'Memory threads', { min: 1 }),
        el('label', {}, 'Array size', el('input', { name: 'arraySize', placeholder: '32MiB' })),
        el('label', {}, 'Pass size', el('input', { name: 'passSize', placeholder: '8GiB' })),
        el('label', {}, 'Network peer (iperf3 server)', el('input', { name: 'peer', placeholder: 'HOST or HOST:5201' })),
        number('netTime', 'Network test time (s)', { min: 1, placeholder: '10' }),
        el('label', {}, 'UDP bitrate', el('input', { name: 'udpBitrate', placeholder: '100M' })))),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Start')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const values = formValues(form);
    for (const key of ['trials', 'maxTrials', 'threads', 'netTime']) if (key in values) values[key] = Number.parseInt(values[key], 10);
    for (const key of ['minTime', 'threshold']) if (key in values) values[key] = Number.parseFloat(values[key]);
    try {
      const task = await api('POST', '/api/v1/runs', values);
      message(`Queued: ${task.title}`, 'info');
    } catch (error) {
      formError(form, error);
    }
  });
  return el('section', { class: 'card' }, el('h2', {}, 'Start a run'), form);
}

function filterForm(history) {
  const form = el('form', { class: 'fields', id: 'filters' },
    el('label', {}, 'Label', el('input', { name: 'label' })),
    el('label', {}, 'Suite', el('select', { name: 'suite' }, el('option', { value: '' }, 'any'),
      ['cpu', 'memory', 'network', 'thesis'].map(s => el('option', { value: s }, s)))),
    el('label', {}, 'Status', el('select', { name: 'status' }, el('option', { value: '' }, 'any'),
      ['running', 'completed', 'failed', 'cancelled', 'interrupted'].map(s => el('option', { value: s }, s)))),
    el('label', {}, 'Since', el('input', { name: 'since', type: 'date' })),
    el('label', {}, 'Until', el('input', { name: 'until', type: 'date' })),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'secondary' }, 'Filter')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    loadHistory(history, form, 0);
  });
  return form;
}

async function loadHistory(target, form, offset) {
  const query = new URLSearchParams({ ...formValues(form), limit: PAGE, offset });
  let page;
  try {
    page = await api('GET', `/api/v1/runs?${query}`);
  } catch (error) {
    formError(form, error);
    return;
  }
  const pager = el('div', { class: 'pager' },
    el('span', { class: 'muted' }, page.total ? `${offset + 1}–${offset + page.runs.length} of ${page.total}` : 'No runs match.'),
    offset > 0 ? el('button', { type: 'button', class: 'secondary', onclick: () => loadHistory(target, form, Math.max(0, offset - PAGE)) }, 'Newer') : null,
    offset + PAGE < page.total ? el('button', { type: 'button', class: 'secondary', onclick: () => loadHistory(target, form, offset + PAGE) }, 'Older') : null);
  target.replaceChildren(page.runs.length ? runsTable(page.runs) : el('span'), pager);
}

export async function runPage(id) {
  const record = await api('GET', `/api/v1/runs/${id}`);
  const run = record.run;
  const env = record.environment || {};
  const actions = el('div', { class: 'actions' });
  if (run.status === 'running') {
    actions.append(el('button', { type: 'button', class: 'danger', onclick: async () => {
      try { await api('POST', `/api/v1/runs/${run.id}/cancel`); } catch (e) { message(e.message); }
    } }, 'Cancel run'));
  } else {
    actions.append(el('button', { type: 'button', class: 'danger', onclick: async () => {
      if (!confirm(`Delete run ${run.id} and its ${run.trials} trials?`)) return;
      try { await api('DELETE', `/api/v1/runs/${run.id}`); location.hash = '#/benchmarks'; } catch (e) { message(e.message); }
    } }, 'Delete run'));
  }
  whileShown(event => {
    if (event.runId === run.id && event.type !== 'progress') runPage(id);
  });
  const byTest = new Map();
  for (const result of record.results) {
    if (!byTest.has(result.test)) byTest.set(result.test, []);
    byTest.get(result.test).push(result);
  }
  show(
    el('h1', {}, `Run ${run.id}: `, run.label),
    el('div', { class: 'grid' },
      el('section', { class: 'card' }, el('h2', {}, 'Run'),
        el('dl', { class: 'kv' },
          el('dt', {}, 'Suite'), el('dd', {}, run.suite),
          el('dt', {}, 'Status'), el('dd', {}, status(run.status)),
          el('dt', {}, 'Started'), el('dd', {}, time(run.startedAt)),
          el('dt', {}, 'Finished'), el('dd', {}, time(run.finishedAt)),
          el('dt', {}, 'Trials'), el('dd', {}, run.trials),
          run.error ? [el('dt', {}, 'Error'), el('dd', {}, run.error)] : null),
        actions),
      el('section', { class: 'card' }, el('h2', {}, 'Environment'),
        el('dl', { class: 'kv' },
          el('dt', {}, 'Hypervisor'), el('dd', {}, `${env.hypervisor || '–'}${env.guestType ? ` (${env.guestType})` : ''}`),
          el('dt', {}, 'CPU'), el('dd', {}, `${env.cpuModel || '–'} × ${env.cpuCount || '–'}`),
          el('dt', {}, 'Kernel'), el('dd', {}, env.kernel || '–'),
          el('dt', {}, 'Host'), el('dd', {}, env.hostname || '–'),
          el('dt', {}, 'HyperLab'), el('dd', {}, env.hyperlabVersion || '–')))),
    [...byTest.entries()].map(([test, results]) => el('section', { class: 'card', dataset: { test } },
      el('h2', {}, test),
      barChart({ unit: results[0].unit, series: [run.label],
        groups: results.map(r => ({ name: r.metric, values: [{ value: r.summary.mean, err: r.summary.sd }] })) }),
      table(['Metric', 'Unit', '>n', '>Mean', '>SD', '>%SD', '>Min', '>Max'], results.map(r => el('tr', {},
        el('td', {}, r.metric), el('td', {}, r.unit), el('td', { class: 'num' }, r.summary.n),
        el('td', { class: 'num' }, number(r.summary.mean)), el('td', { class: 'num' }, number(r.summary.sd)),
        el('td', { class: 'num' }, r.summary.mean ? number((100 * r.summary.sd) / r.summary.mean) : '–'),
        el('td', { class: 'num' }, number(r.summary.min)), el('td', { class: 'num' }, number(r.summary.max))))))),
    el('section', { class: 'card' }, el('h2', {}, 'Trials'), record.trials.length ? table(['Test', '>Trial', 'Finished', 'Values'],
      record.trials.map(t => el('tr', {}, el('td', {}, t.test), el('td', { class: 'num' }, t.number), el('td', {}, time(t.finishedAt)),
        el('td', { class: 'wrap values' }, t.measurements.map(m => el('div', {}, `${m.metric}: ${number(m.value)}`))))))
      : el('p', { class: 'muted' }, 'No trial has completed yet.')));
}
