// Hosts: add one, check it against the study's requirements, its VMs with power buttons, a
// create-VM form with the command line's fields, its networks and ISO libraries.
import { api, el, show, message, bytes, table, formValues, formError, status } from './ui.js';
import * as live from './live.js';
import { whileShown } from './app.js';

export async function hostsPage() {
  const hosts = await api('GET', '/api/v1/hosts');
  const form = el('form', { class: 'fields', id: 'add-host' },
    el('label', {}, 'Name', el('input', { name: 'name', required: true, placeholder: 'e.g. lab-kvm' })),
    el('label', {}, 'URI', el('input', { name: 'uri', required: true, placeholder: 'qemu+ssh://root@host/system or https://xenserver' })),
    el('label', {}, 'User', el('input', { name: 'user', placeholder: 'root' })),
    el('label', {}, 'Password', el('input', { name: 'password', type: 'password', autocomplete: 'off' })),
    el('label', {}, 'TLS fingerprint (XenServer)', el('input', { name: 'fingerprint', placeholder: 'SHA-256, as the host shows it' })),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Add host')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const added = await api('POST', '/api/v1/hosts', formValues(form));
      location.hash = `#/hosts/${encodeURIComponent(added.host.name)}`;
    } catch (error) {
      formError(form, error);
    }
  });
  show(el('h1', {}, 'Hosts'),
    el('section', { class: 'card' }, el('h2', {}, 'Stored hosts'), hosts.length
      ? table(['Name', 'Kind', 'URI', 'User', 'Password'], hosts.map(h => el('tr', {},
        el('td', {}, el('a', { href: `#/hosts/${encodeURIComponent(h.name)}` }, h.name)), el('td', {}, h.kind),
        el('td', { class: 'wrap' }, h.uri), el('td', {}, h.user || '–'), el('td', {}, h.passwordStored ? 'stored' : 'none'))))
      : el('p', { class: 'muted' }, 'No hosts yet.')),
    el('section', { class: 'card' }, el('h2', {}, 'Add a host'), form));
}

export async function hostPage(encoded) {
  const name = decodeURIComponent(encoded);
  const base = `/api/v1/hosts/${encodeURIComponent(name)}`;
  const [info, vms, networks] = await Promise.all([api('GET', base), api('GET', `${base}/vms`), api('GET', `${base}/networks`)]);
  const facts = info.facts;
  const preflight = el('div', {});
  const tasks = live.tasksCard(3);
  whileShown(event => {
    tasks.draw();
    if (event.task && event.task.host === name && ['task.finished', 'task.failed'].includes(event.type)) {
      api('GET', `${base}/vms`).then(list => vmTable.replaceChildren(vmRows(base, list))).catch(e => message(e.message));
    }
  });
  const vmTable = el('div', { id: 'vms' }, vmRows(base, vms));
  show(
    el('h1', {}, `Host ${name}`),
    el('div', { class: 'grid' },
      el('section', { class: 'card', id: 'facts' }, el('h2', {}, 'Facts'),
        el('dl', { class: 'kv' },
          el('dt', {}, 'Hypervisor'), el('dd', {}, `${facts.product} ${facts.version}`),
          el('dt', {}, 'Hostname'), el('dd', {}, facts.hostname),
          el('dt', {}, 'CPU'), el('dd', {}, `${facts.cpu.model || 'unknown'}, ${facts.cpu.logicalCpus} CPUs`),
          el('dt', {}, 'Virtualization'), el('dd', {}, facts.cpu.virtualizationExtensions.join(', ') || 'not seen'),
          el('dt', {}, 'Memory'), el('dd', {}, bytes(facts.memoryTotalBytes))),
        el('div', { class: 'actions' },
          el('button', { type: 'button', class: 'secondary', id: 'preflight', onclick: async () => {
            try {
              const report = await api('GET', `${base}/preflight`);
              preflight.replaceChildren(el('p', {}, `Against the study's ${report.hypervisor} requirements: `, status(report.overall)),
                table(['Requirement', 'Verdict', 'Measured', 'Rule'], report.checks.map(c => el('tr', {},
                  el('td', { class: 'wrap' }, c.requirement), el('td', {}, status(c.verdict)), el('td', { class: 'wrap' }, c.measured || 'unknown'),
                  el('td', { class: 'wrap' }, c.rule)))));
            } catch (e) { message(e.message); }
          } }, 'Preflight'),
          el('button', { type: 'button', class: 'danger', onclick: async () => {
            if (!confirm(`Forget host ${name}? Nothing on it changes.`)) return;
            try { await api('DELETE', base); location.hash = '#/hosts'; } catch (e) { message(e.message); }
          } }, 'Remove')),
        preflight),
      tasks.card),
    el('section', { class: 'card' }, el('h2', {}, 'VMs'), vmTable),
    el('section', { class: 'card' }, el('h2', {}, 'Create a VM'), createForm(base, networks)),
    el('section', { class: 'card' }, el('h2', {}, 'Networks'), table(['Name', 'Kind', 'Bridge', 'Active'], networks.map(n => el('tr', {},
      el('td', {}, n.name), el('td', {}, n.kind || '–'), el('td', {}, n.bridge || '–'), el('td', {}, String(n.active)))))));
}

function vmRows(base, vms) {
  const action = (vm, path, method = 'POST') => async () => {
    try {
      const task = await api(method, `${base}/vms/${encodeURIComponent(vm.name)}${path}`);
      message(`Queued: ${task.title}`, 'info');
    } catch (e) { message(e.message); }
  };
  return vms.length ? table(['Name', 'State', '>vCPUs', '>Memory', 'Mode', ''], vms.map(vm => el('tr', { dataset: { vm: vm.name } },
    el('td', {}, vm.name), el('td', {}, status(vm.state)), el('td', { class: 'num' }, vm.vcpus), el('td', { class: 'num' }, bytes(vm.memoryBytes)),
    el('td', {}, vm.mode), el('td', {}, el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'secondary', onclick: action(vm, '/start') }, 'Start'),
      el('button', { type: 'button', class: 'secondary', onclick: action(vm, '/stop') }, 'Shut down'),
      el('button', { type: 'button', class: 'danger', onclick: action(vm, '/force-off') }, 'Force off'),
      el('button', { type: 'button', class: 'danger', onclick: () => confirm(`Delete VM ${vm.name}?`) && action(vm, '', 'DELETE')() }, 'Delete'))))))
    : el('p', { class: 'muted' }, 'No VMs.');
}

function createForm(base, networks) {
  const form = el('form', { class: 'stack', id: 'create-vm' },
    el('div', { class: 'fields' },
      el('label', {}, 'Name', el('input', { name: 'name', required: true })),
      el('label', {}, 'Template', el('input', { name: 'template', required: true, placeholder: 'debian12, or a XenServer template' })),
      el('label', {}, 'vCPUs', el('input', { name: 'vcpus', type: 'number', min: 1, value: 1 })),
      el('label', {}, 'Memory', el('input', { name: 'memory', value: '1GiB' })),
      el('label', {}, 'Disk', el('input', { name: 'disk', value: '20GiB' })),
      el('label', {}, 'Boot', el('select', { name: 'boot' }, el('option', { value: 'bios' }, 'BIOS'), el('option', { value: 'uefi' }, 'UEFI'))),
      el('label', {}, 'ISO library', el('input', { name: 'isoLibrary' })),
      el('label', {}, 'Install ISO', el('input', { name: 'iso' })),
      el('label', {}, 'Storage', el('input', { name: 'storage', placeholder: 'the host\'s default' })),
      el('label', {}, 'Network', el('select', { name: 'network' }, el('option', { value: '' }, 'no NIC'),
        networks.map(n => el('option', { value: n.name }, n.name)))),
      el('label', {}, 'Home host (XenServer)', el('input', { name: 'homeHost' }))),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Create')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const values = formValues(form);
    if ('vcpus' in values) values.vcpus = Number.parseInt(values.vcpus, 10);
    try {
      const task = await api('POST', `${base}/vms`, values);
      message(`Queued: ${task.title}`, 'info');
    } catch (error) {
      formError(form, error);
    }
  });
  return form;
}
