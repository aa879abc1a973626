// The HyperLab page: session, navigation between pages (hash routes), login and dashboard.
import { api, el, show, message, setCsrf, onUnauthorized, time, duration, bytes, status, table, formValues, formError } from './ui.js';
import * as live from './live.js';
import { benchmarksPage, runPage } from './runs.js';
import { accountPage } from './account.js';
import { comparePage } from './compare.js';
import { hostsPage, hostPage } from './hosts.js';

let user = null;
let unsubscribe = () => {};

const routes = [
  [/^#?\/?$/, 'dashboard', dashboardPage],
  [/^#\/benchmarks$/, 'benchmarks', benchmarksPage],
  [/^#\/runs\/(\d+)$/, 'benchmarks', runPage],
  [/^#\/compare$/, 'compare', comparePage],
  [/^#\/hosts$/, 'hosts', hostsPage],
  [/^#\/hosts\/([^/]+)$/, 'hosts', hostPage],
  [/^#\/account$/, 'account', accountPage],
];

/** Lets a page redraw on task events until the next page replaces it. */
export function whileShown(listener) {
  unsubscribe();
  unsubscribe = live.subscribe(listener);
}

async function route() {
  message('');
  unsubscribe();
  unsubscribe = () => {};
  if (!user) return loginPage();
  const hash = location.hash || '#/';
  for (const [pattern, name, page] of routes) {
    const match = hash.match(pattern);
    if (match) {
      document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
      try {
        await page(...match.slice(1));
      } catch (e) {
        message(e.message);
      }
      return;
    }
  }
  show(el('h1', {}, 'Not found'), el('p', {}, el('a', { href: '#/' }, 'Back to the dashboard')));
}

function loggedIn(session) {
  user = session.user;
  setCsrf(session.csrfToken || null);
  document.getElementById('nav').hidden = false;
  return live.start();
}

function loggedOut() {
  user = null;
  setCsrf(null);
  live.stop();
  document.getElementById('nav').hidden = true;
}

function loginPage() {
  const form = el('form', { class: 'stack card login', id: 'login' },
    el('h1', {}, 'Log in to HyperLab'),
    el('label', {}, 'User', el('input', { name: 'username', value: 'admin', autocomplete: 'username', required: true })),
    el('label', {}, 'Password', el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    el('button', { type: 'submit' }, 'Log in'),
    el('p', { class: 'muted' }, 'On first start the password is in the daemon\'s log and on the appliance console.'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await loggedIn(await api('POST', '/api/v1/login', formValues(form)));
      await route();
    } catch (error) {
      formError(form, error);
    }
  });
  show(form);
}

async function dashboardPage() {
  const [appliance, runs, hosts, iperf] = await Promise.all([api('GET', '/api/v1/appliance'), api('GET', '/api/v1/runs?limit=5'),
    api('GET', '/api/v1/hosts'), api('GET', '/api/v1/iperf3-server')]);
  const tasks = live.tasksCard(3);
  whileShown(tasks.draw);
  show(
    el('h1', {}, 'Dashboard'),
    el('div', { class: 'grid' },
      el('section', { class: 'card', id: 'appliance' }, el('h2', {}, 'Appliance'),
        el('dl', { class: 'kv' },
          el('dt', {}, 'Host'), el('dd', {}, appliance.hostname),
          el('dt', {}, 'Version'), el('dd', {}, appliance.version),
          el('dt', {}, 'Addresses'), el('dd', {}, appliance.addresses.map(a => a.address).join(', ') || '–'),
          el('dt', {}, 'Up'), el('dd', {}, duration(appliance.uptimeSeconds)),
          el('dt', {}, 'Load'), el('dd', {}, appliance.load.join(' ')),
          el('dt', {}, 'Memory'), el('dd', {}, `${bytes(appliance.memory.availableBytes)} free of ${bytes(appliance.memory.totalBytes)}`),
          el('dt', {}, 'TLS'), el('dd', { class: 'mono' }, appliance.tls.enabled ? appliance.tls.fingerprintSha256 : 'off (plain HTTP)'))),
      tasks.card,
      iperfCard(iperf)),
    el('section', { class: 'card', id: 'hosts' }, el('h2', {}, 'Hosts'), hosts.length
      ? el('ul', {}, hosts.map(h => el('li', {}, el('a', { href: `#/hosts/${encodeURIComponent(h.name)}` }, h.name), ` (${h.kind}, ${h.uri})`)))
      : el('p', { class: 'muted' }, 'No hosts yet. ', el('a', { href: '#/hosts' }, 'Add one.'))),
    el('section', { class: 'card' }, el('h2', {}, 'Latest runs'),
      runs.runs.length ? runsTable(runs.runs) : el('p', { class: 'muted' }, 'No runs yet. ', el('a', { href: '#/benchmarks' }, 'Start one.'))));
}

/** The appliance's iperf3 server: a laptop measures its network to the appliance against it. */
function iperfCard(state) {
  const body = el('div', {});
  const draw = current => {
    const running = current.status !== 'stopped';
    body.replaceChildren(
      el('p', {}, 'Status: ', status(current.status), running ? ` on port ${current.port}` : '',
        current.tests ? `, ${current.tests} test(s) served` : ''),
      running ? el('p', { class: 'muted' }, `From a laptop: iperf3 -c ${location.hostname} -p ${current.port}`) : '',
      el('div', { class: 'actions' },
        running ? null : el('label', {}, 'Port', el('input', { name: 'port', type: 'number', min: 0, max: 65535, value: 5201 })),
        el('button', { type: 'button', class: running ? 'danger' : 'secondary', id: 'iperf-toggle',
        onclick: async () => {
          try {
            if (running) await api('DELETE', '/api/v1/iperf3-server');
            else await api('POST', '/api/v1/iperf3-server', { port: Number.parseInt(body.querySelector('input[name=port]').value, 10) });
            draw(await api('GET', '/api/v1/iperf3-server'));
          } catch (e) { message(e.message); }
        } }, running ? 'Stop' : 'Start')));
  };
  draw(state);
  return el('section', { class: 'card', id: 'iperf' }, el('h2', {}, 'iperf3 server'), body);
}

export function runsTable(runs) {
  return table(['>Run', 'Started', 'Suite', 'Label', 'Status', '>Trials'], runs.map(run => el('tr', {},
    el('td', { class: 'num' }, el('a', { href: `#/runs/${run.id}` }, run.id)),
    el('td', {}, time(run.startedAt)),
    el('td', {}, run.suite),
    el('td', { class: 'wrap' }, run.label),
    el('td', {}, status(run.status)),
    el('td', { class: 'num' }, run.trials))));
}

onUnauthorized(() => {
  if (user) {
    loggedOut();
    message('Your session has ended; log in again.', 'info');
    loginPage();
  }
});

document.getElementById('logout').addEventListener('click', async () => {
  try { await api('POST', '/api/v1/logout'); } catch (e) { /* the session is gone either way */ }
  loggedOut();
  location.hash = '#/';
  loginPage();
});

window.addEventListener('hashchange', route);

(async () => {
  try {
    await loggedIn(await api('GET', '/api/v1/session'));
  } catch (e) {
    loggedOut();
  }
  await route();
})();
