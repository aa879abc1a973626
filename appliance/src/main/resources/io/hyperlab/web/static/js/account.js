// The account: change the password, create and revoke API tokens.
import { api, el, show, message, time, table, formValues, formError } from './ui.js';

export async function accountPage() {
  const tokens = el('div', {});
  const newToken = el('div', {});
  const password = el('form', { class: 'stack', id: 'password' },
    el('label', {}, 'Current password', el('input', { name: 'current', type: 'password', autocomplete: 'current-password', required: true })),
    el('label', {}, 'New password (10 characters or more)', el('input', { name: 'new', type: 'password', autocomplete: 'new-password', required: true, minlength: 10 })),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Change password')));
  password.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await api('POST', '/api/v1/account/password', formValues(password));
      password.reset();
      message('Password changed; your other sessions were logged out.', 'info');
    } catch (error) {
      formError(password, error);
    }
  });
  const create = el('form', { class: 'actions', id: 'new-token' },
    el('label', {}, 'Token name', el('input', { name: 'name', placeholder: 'e.g. nightly script', maxlength: 100, required: true })),
    el('button', { type: 'submit' }, 'Create token'));
  create.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const token = await api('POST', '/api/v1/tokens', formValues(create));
      create.reset();
      newToken.replaceChildren(el('p', { class: 'token' }, `New token "${token.name}" (shown only now): `,
        el('span', { class: 'mono' }, token.token)));
      await loadTokens(tokens);
    } catch (error) {
      formError(create, error);
    }
  });
  show(el('h1', {}, 'Account'),
    el('div', { class: 'grid' },
      el('section', { class: 'card' }, el('h2', {}, 'Password'), password),
      el('section', { class: 'card' }, el('h2', {}, 'API tokens'),
        el('p', { class: 'muted' }, 'Scripts send a token as "Authorization: Bearer TOKEN".'), create, newToken, tokens)));
  await loadTokens(tokens);
}

async function loadTokens(target) {
  const list = await api('GET', '/api/v1/tokens');
  target.replaceChildren(list.length ? table(['Name', 'Created', 'Last used', ''], list.map(t => el('tr', {},
    el('td', { class: 'wrap' }, t.name), el('td', {}, time(t.createdAt)), el('td', {}, time(t.lastUsedAt)),
    el('td', {}, el('button', { type: 'button', class: 'danger', onclick: async () => {
      try { await api('DELETE', `/api/v1/tokens/${t.id}`); await loadTokens(target); } catch (e) { message(e.message); }
    } }, 'Revoke')))))
    : el('p', { class: 'muted' }, 'No tokens.'));
}
