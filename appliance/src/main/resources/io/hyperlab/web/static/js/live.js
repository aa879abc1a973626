// The daemon's tasks, kept up to date by its server-sent events; pages subscribe to redraw.
import { api, el, progressBar, status, number, message } from './ui.js';

const tasks = new Map();
const listeners = new Set();
let source = null;

const TYPES = ['task.queued', 'task.started', 'trial.started', 'progress', 'trial.done',
  'task.finished', 'task.failed', 'task.cancelled'];

export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(event) {
  for (const listener of listeners) listener(event);
}

/** Loads the tasks the daemon remembers, then follows its events. */
export async function start() {
  for (const task of await api('GET', '/api/v1/tasks')) tasks.set(task.id, { ...task });
  if (source) return;
  source = new EventSource('/api/v1/events');
  for (const type of TYPES) {
    source.addEventListener(type, e => {
      const event = JSON.parse(e.data);
      const known = tasks.get(event.taskId) || { id: event.taskId };
      if (event.task) Object.assign(known, event.task);
      known.progress = event.progress;
      if (event.type === 'trial.started') known.step = `${event.test}: trial ${event.trial} of ${event.planned}`;
      if (event.type === 'progress') known.step = `${event.test} trial ${event.trial}: ${event.metric} ${number(event.value)} ${event.unit}`;
      if (event.type === 'trial.done') known.step = `${event.test}: trial ${event.trial} done`;
      if (event.runId) known.runId = event.runId;
      tasks.set(event.taskId, known);
      notify(event);
    });
  }
}

export function stop() {
  if (source) source.close();
  source = null;
  tasks.clear();
}

export function list() {
  return [...tasks.values()].sort((a, b) => b.id - a.id);
}

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** One task: title, status, live progress bar, what it is doing, and a cancel button while it can stop. */
export function taskView(task) {
  const cancel = FINAL.has(task.status) ? null : el('button', {
    type: 'button', class: 'danger', onclick: async () => {
      try { await api('POST', `/api/v1/tasks/${task.id}/cancel`); } catch (e) { message(e.message); }
    },
  }, 'Cancel');
  return el('div', { class: 'task', dataset: { task: task.id } },
    el('div', { class: 'actions' }, el('strong', {}, task.title || `task ${task.id}`), status(task.status),
      task.runId ? el('a', { href: `#/runs/${task.runId}` }, `run ${task.runId}`) : null, cancel),
    progressBar(task.progress || 0, `progress of task ${task.id}`),
    el('div', { class: 'muted' }, task.error || task.step || `${Math.round((task.progress || 0) * 100)} %`));
}

/** A card listing the tasks that are queued or running (and the last finished ones), redrawn live. */
export function tasksCard(keepFinished) {
  const body = el('div', {});
  const draw = () => {
    const shown = list().filter(t => !FINAL.has(t.status)).concat(list().filter(t => FINAL.has(t.status)).slice(0, keepFinished));
    body.replaceChildren(...(shown.length ? shown.map(taskView) : [el('p', { class: 'muted' }, 'No task is running.')]));
  };
  draw();
  return { card: el('section', { class: 'card', id: 'tasks' }, el('h2', {}, 'Tasks'), body), draw };
}
