'use strict';
// The emulator's web chat: plain DOM, no build step. Every string from the bot is escaped
// before the supported markup subset is applied; links are kept only for safe URL schemes.
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { chatId: null, version: -1, loop: 0, seenToasts: {}, constructorOpen: false,
    kind: 'dialog', groupId: null, acting: null, people: [], group: null, replyTo: null };

  // The chat on screen: a person's dialog, or a group where the page acts as a chosen member.
  function chatPath() {
    return state.kind === 'group' ? 'groups/' + state.groupId : 'chats/' + state.chatId;
  }

  function isGroup() {
    return state.kind === 'group';
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function safeUrl(url) {
    return /^(https?:|mailto:|tel:)/i.test(url || '') ? url : null;
  }

  const TAGS = {
    strong: ['<b>', '</b>'], emphasized: ['<i>', '</i>'], strikethrough: ['<s>', '</s>'],
    underline: ['<u>', '</u>'], monospaced: ['<span class="mono">', '</span>'],
    heading: ['<b class="heading">', '</b>'], highlighted: ['<span class="hl">', '</span>']
  };

  // Splits the text at every markup boundary and wraps each piece in the tags active over it.
  function renderText(text, markup) {
    text = text || '';
    const cuts = new Set([0, text.length]);
    (markup || []).forEach((m) => { cuts.add(m.from); cuts.add(Math.min(text.length, m.from + m.length)); });
    const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    let html = '';
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i], to = points[i + 1];
      let piece = escapeHtml(text.slice(from, to));
      (markup || []).filter((m) => m.from <= from && m.from + m.length >= to).forEach((m) => {
        if (m.type === 'link' && safeUrl(m.url)) {
          piece = '<a href="' + escapeHtml(m.url) + '" target="_blank" rel="noopener noreferrer">' + piece + '</a>';
        } else if (TAGS[m.type]) {
          piece = TAGS[m.type][0] + piece + TAGS[m.type][1];
        }
      });
      html += piece;
    }
    return html;
  }

  async function api(method, path, body) {
    const response = await fetch('/_emu/' + path, {
      method, headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined
    });
    const json = await response.json();
    if (!response.ok) {
      toast(json.message || ('Error ' + response.status), true);
      throw new Error(json.message);
    }
    return json;
  }

  function toast(text, isError) {
    const el = document.createElement('div');
    el.className = 'toast' + (isError ? ' error' : '');
    el.textContent = text;
    $('toasts').appendChild(el);
    setTimeout(() => el.remove(), 4000);
  }

  async function loadInfo() {
    const info = await api('GET', 'info');
    $('bot-name').textContent = info.bot.name;
    $('bot-username').textContent = '@' + info.bot.username;
    $('base-url').textContent = info.base_url;
    if (info.admin) {
      $('graph-link').href = info.admin + '/graph';
      $('funnels-link').href = info.admin + '/funnels';
      $('admin-links').hidden = false;
    }
  }

  async function loadUsers() {
    const list = (await api('GET', 'users')).users;
    state.people = list;
    fillGroupForm(list);
    const ul = $('users');
    ul.textContent = '';
    list.forEach((u) => {
      const li = document.createElement('li');
      li.textContent = u.name;
      li.dataset.chatId = u.chat_id;
      li.className = !isGroup() && u.chat_id === state.chatId ? 'active' : '';
      li.onclick = () => select(u);
      ul.appendChild(li);
    });
  }

  function select(user) {
    state.kind = 'dialog';
    state.chatId = user.chat_id;
    showMode();
    $('composer-text').placeholder = 'Write a message or /command';
    loadGroups();
    state.version = -1;
    state.loop++;
    $('chat-title').textContent = user.name;
    $('composer-text').disabled = false;
    $('send').disabled = false;
    $('messages').textContent = '';
    loadUsers();
    poll(state.loop);
    $('composer-text').focus();
  }

  // Long poll: the emulator answers as soon as the dialog changes, or after the wait.
  async function poll(loop) {
    while (loop === state.loop) {
      try {
        const view = await api('GET', chatPath() + '?after=' + state.version + '&wait=25');
        if (loop !== state.loop) return;
        state.version = view.version;
        render(view);
      } catch (e) {
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  function render(view) {
    const box = $('messages');
    const atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 20;
    box.textContent = '';
    const lines = view.system || [];
    const linesAfter = (mid) => lines.filter((l) => l.after_mid === mid).forEach((l) => box.appendChild(systemLine(l)));
    linesAfter(null);
    view.messages.forEach((m) => {
      box.appendChild(messageElement(m, view));
      linesAfter(m.body.mid);
    });
    if (isGroup()) renderGroup(view);
    if (atBottom) box.scrollTop = box.scrollHeight;
    $('typing').textContent = view.action === 'typing_on' ? 'bot is typing…' : (view.action ? view.action.replace('_', ' ') + '…' : '');
    const seen = state.seenToasts[view.chat_id] || 0;
    // In a group every member's notifications are listed: say whom each one went to.
    view.notifications.filter((n) => n.id > seen)
      .forEach((n) => toast(isGroup() && n.name ? 'To ' + n.name + ': ' + n.text : n.text));
    state.seenToasts[view.chat_id] = view.notifications.length;
    renderConstructor(view.constructor_answer);
  }

  function systemLine(line) {
    const el = document.createElement('div');
    el.className = 'system';
    el.textContent = line.text;
    return el;
  }

  // In a group the acting member's messages are on the right; everyone else's carry their name.
  function messageElement(m, view) {
    const fromBot = m.sender && m.sender.is_bot;
    const mine = !fromBot && (!isGroup() || (m.sender && m.sender.user_id === state.acting));
    const el = document.createElement('div');
    el.className = 'msg ' + (fromBot ? 'bot' : mine ? 'user' : 'other') + (view.pinned === m.body.mid ? ' pinned' : '');
    el.dataset.mid = m.body.mid;
    if (isGroup()) {
      const sender = document.createElement('div');
      sender.className = 'sender';
      sender.textContent = m.sender ? m.sender.name : view.title;
      el.appendChild(sender);
    }
    const text = document.createElement('div');
    text.className = 'text';
    text.innerHTML = renderText(m.body.text, m.body.markup);
    el.appendChild(text);
    (m.body.attachments || []).forEach((a) => el.appendChild(attachmentElement(a, m.body.mid, fromBot)));
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = new Date(m.timestamp).toLocaleTimeString();
    if (mine) meta.append(' ', ownActions(m));
    else if (isGroup()) meta.append(' ', replyAction(m));
    el.appendChild(meta);
    return el;
  }

  // The user's own messages can be edited (the bot gets message_edited) or deleted (message_removed).
  function ownActions(m) {
    const span = document.createElement('span');
    span.className = 'own-actions';
    const link = (label, onClick) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = label.toLowerCase();
      b.textContent = label;
      b.onclick = onClick;
      span.appendChild(b);
    };
    const chat = chatPath();
    link('Edit', async () => {
      const text = prompt('Edit your message', m.body.text || '');
      if (text !== null) await api('POST', chat + '/edit', asMember({ mid: m.body.mid, text }));
    });
    link('Delete', async () => {
      if (confirm('Delete this message?')) await api('POST', chat + '/delete', asMember({ mid: m.body.mid }));
    });
    return span;
  }

  // In a group a member may answer a message with TamTam's reply (the update links the original).
  function replyAction(m) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'reply';
    b.textContent = 'Reply';
    b.onclick = () => setReplyTo(m);
    return b;
  }

  function setReplyTo(m) {
    state.replyTo = m ? m.body.mid : null;
    $('replying').hidden = !m;
    $('replying-text').textContent = m ? (m.body.text || '').split('\n')[0] : '';
    if (m) $('composer-text').focus();
  }

  function attachmentElement(a, mid, fromBot) {
    const el = document.createElement('div');
    if (a.type === 'inline_keyboard') {
      return keyboardElement(a.payload.buttons, (b) => press(b, mid));
    }
    el.className = 'card';
    if (a.type === 'image' && safeUrl(a.payload.url)) {
      const img = document.createElement('img');
      img.src = a.payload.url;
      img.alt = 'image';
      el.appendChild(img);
    } else if (a.type === 'contact') {
      const name = (a.payload.vcf_info || '').match(/FN:(.*)/);
      const tel = (a.payload.vcf_info || '').match(/TEL[^:]*:(.*)/);
      el.textContent = 'Contact: ' + (name ? name[1].trim() : 'contact') + (tel ? ' ' + tel[1].trim() : '');
    } else if (a.type === 'location') {
      el.textContent = 'Location: ' + a.latitude.toFixed(5) + ', ' + a.longitude.toFixed(5);
    } else if (a.type === 'file') {
      el.textContent = 'File: ' + a.filename + ' (' + a.size + ' bytes)';
    } else {
      el.textContent = '[' + a.type + ']';
    }
    return el;
  }

  function keyboardElement(rows, onPress) {
    const kb = document.createElement('div');
    kb.className = 'kb';
    (rows || []).forEach((row) => {
      const r = document.createElement('div');
      r.className = 'row';
      row.forEach((b) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = b.text;
        button.dataset.type = b.type;
        if (b.intent) button.classList.add(b.intent);
        if (b.type === 'link') button.textContent += ' \u2197';
        if (b.type === 'chat') button.disabled = true;
        button.onclick = () => onPress(b);
        r.appendChild(button);
      });
      kb.appendChild(r);
    });
    return kb;
  }

  // In a group every request names the acting member; a dialog's person is its chat.
  function asMember(body) {
    return isGroup() ? Object.assign({ user_id: state.acting }, body) : body;
  }

  async function press(b, mid) {
    const chat = chatPath();
    if (b.type === 'callback') await api('POST', chat + '/callback', asMember({ mid, payload: b.payload }));
    else if (b.type === 'link' && safeUrl(b.url)) window.open(b.url, '_blank', 'noopener');
    else if (isGroup()) toast('The emulator presses only callback and link buttons in a group', true);
    else if (b.type === 'request_contact') await shareContact();
    else if (b.type === 'request_geo_location') await shareLocation();
  }

  async function shareContact() {
    const phone = prompt('Phone number to share', '+10000000000');
    if (phone !== null) await api('POST', 'chats/' + state.chatId + '/contact', { phone });
  }

  async function shareLocation() {
    const input = prompt('Latitude, longitude', '55.7558, 37.6173');
    if (input === null) return;
    const [latitude, longitude] = input.split(',').map((s) => parseFloat(s));
    await api('POST', 'chats/' + state.chatId + '/location', { latitude, longitude });
  }

  function renderConstructor(answer) {
    $('constructor').hidden = !state.constructorOpen;
    const preview = $('constructor-preview');
    preview.textContent = '';
    $('constructor-keyboard').textContent = '';
    $('constructor-hint').textContent = answer && answer.hint ? answer.hint : '';
    $('constructor-input').disabled = false;
    if (!answer) return;
    (answer.messages || []).forEach((m) => {
      const el = document.createElement('div');
      el.className = 'msg bot';
      el.innerHTML = renderText(m.text, m.markup);
      preview.appendChild(el);
    });
    if (answer.keyboard) {
      $('constructor-keyboard').replaceWith(Object.assign(keyboardElement(answer.keyboard.buttons, (b) =>
        api('POST', 'chats/' + state.chatId + '/construct', { payload: b.payload })), { id: 'constructor-keyboard' }));
    }
    $('constructor-input').placeholder = answer.placeholder || 'Type for the constructor';
    // the schema: only the keyboard is shown unless the answer sets allow_user_input
    $('constructor-input').disabled = answer.allow_user_input !== true;
  }

  function requireUser() {
    if (isGroup()) return true;
    if (state.chatId === null) { toast('Pick or create a user first', true); return false; }
    return true;
  }

  $('new-user').onsubmit = async (e) => {
    e.preventDefault();
    const name = $('new-user-name').value.trim();
    if (!name) return;
    const user = await api('POST', 'users', { name });
    $('new-user-name').value = '';
    select(user);
  };
  $('composer').onsubmit = async (e) => {
    e.preventDefault();
    const text = $('composer-text').value;
    if (!text.trim() || !requireUser()) return;
    $('composer-text').value = '';
    const mid = isGroup() ? state.replyTo : null;
    setReplyTo(null);
    if (mid) await api('POST', chatPath() + '/reply', asMember({ mid, text }));
    else await api('POST', chatPath() + '/text', asMember({ text }));
  };
  $('deep-link').onsubmit = async (e) => {
    e.preventDefault();
    if (!requireUser()) return;
    await api('POST', 'chats/' + state.chatId + '/start', { payload: $('deep-link-payload').value });
  };
  $('share-contact').onclick = () => requireUser() && shareContact();
  $('share-location').onclick = () => requireUser() && shareLocation();
  $('open-constructor').onclick = () => {
    if (!requireUser()) return;
    state.constructorOpen = true;
    $('constructor').hidden = false;
    $('constructor-input').focus();
  };
  $('constructor-close').onclick = () => { state.constructorOpen = false; $('constructor').hidden = true; };
  $('constructor-finish').onclick = () => api('POST', 'chats/' + state.chatId + '/construct/finish', {});
  $('constructor-form').onsubmit = async (e) => {
    e.preventDefault();
    const text = $('constructor-input').value;
    $('constructor-input').value = '';
    await api('POST', 'chats/' + state.chatId + '/construct', { text });
  };

  // ---- group chats: the list, the creation form and the bar of the group on screen ----

  function option(select, value, label) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }

  // Rebuilt every few seconds with the people list; keeps what was picked.
  function fillGroupForm(people) {
    const owner = $('new-group-owner');
    const picked = owner.value;
    owner.textContent = '';
    people.forEach((p) => option(owner, p.user_id, p.name));
    if (people.some((p) => String(p.user_id) === picked)) owner.value = picked;
    const box = $('new-group-members');
    const checked = new Set([...box.querySelectorAll('input:checked')].map((i) => i.value));
    box.textContent = '';
    people.forEach((p) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.value = p.user_id;
      input.checked = checked.has(String(p.user_id));
      label.append(input, ' ', p.name);
      box.appendChild(label);
    });
  }

  async function loadGroups() {
    const list = (await api('GET', 'groups')).groups;
    const ul = $('groups');
    ul.textContent = '';
    list.forEach((g) => {
      const li = document.createElement('li');
      li.textContent = g.title;
      li.dataset.chatId = g.chat_id;
      li.className = isGroup() && g.chat_id === state.groupId ? 'active' : '';
      li.onclick = () => selectGroup(g);
      ul.appendChild(li);
    });
  }

  function showMode() {
    document.querySelectorAll('.dialog-only').forEach((el) => { el.hidden = isGroup(); });
    $('group-bar').hidden = !isGroup();
    if (isGroup()) { state.constructorOpen = false; $('constructor').hidden = true; }
  }

  function selectGroup(group) {
    setReplyTo(null);
    state.kind = 'group';
    state.groupId = group.chat_id;
    state.acting = group.members.length ? group.members[0].user_id : null;
    state.group = group;
    $('chat-title').textContent = group.title;
    $('composer-text').disabled = false;
    $('send').disabled = false;
    showMode();
    fillActing(group);
    loadUsers();
    loadGroups();
    reload();
  }

  // Starts a fresh long poll: changes to the members or the title do not wake the one parked.
  function reload() {
    state.version = -1;
    state.loop++;
    $('messages').textContent = '';
    poll(state.loop);
  }

  function renderGroup(view) {
    state.group = view;
    $('chat-title').textContent = view.title + (view.bot_status === 'active' ? '' : ' (bot: ' + (view.bot_status || 'not added') + ')');
    fillActing(view);
  }

  function fillActing(group) {
    const members = group.members;
    const acting = $('acting-member');
    acting.textContent = '';
    members.forEach((m) => option(acting, m.user_id, m.name));
    if (!members.some((m) => m.user_id === state.acting)) state.acting = members.length ? members[0].user_id : null;
    acting.value = String(state.acting);
    $('group-members').textContent = members.length + ' members: ' + members.map((m) => m.name).join(', ');
    const inGroup = new Set(members.map((m) => m.user_id));
    const add = $('add-member-user');
    add.textContent = '';
    state.people.filter((p) => !inGroup.has(p.user_id)).forEach((p) => option(add, p.user_id, p.name));
    $('add-member').disabled = add.options.length === 0;
    const remove = $('remove-member-user');
    remove.textContent = '';
    members.forEach((m) => option(remove, m.user_id, m.user_id === state.acting ? m.name + ' (leave)' : m.name));
    $('composer-text').placeholder = 'Write as ' + (members.find((m) => m.user_id === state.acting) || { name: '…' }).name;
    $('toggle-bot').textContent = group.bot_status === 'active' ? 'Remove bot' : 'Add bot';
  }

  async function groupAction(path, body) {
    await api('POST', chatPath() + path, body);
    loadGroups();
    reload();
  }

  $('acting-member').onchange = () => {
    state.acting = Number($('acting-member').value);
    if (state.group) { fillActing(state.group); reload(); }
  };
  $('rename-group').onclick = () => {
    const title = prompt('New title', state.group ? state.group.title : '');
    if (title !== null) groupAction('/title', { by_id: state.acting, title });
  };
  $('add-member').onclick = () => {
    const user = $('add-member-user').value;
    if (user) groupAction('/members', { by_id: state.acting, user_id: Number(user) });
  };
  $('remove-member').onclick = () => {
    const user = $('remove-member-user').value;
    if (user) groupAction('/members/remove', { by_id: state.acting, user_id: Number(user) });
  };
  $('toggle-bot').onclick = () =>
    groupAction(state.group && state.group.bot_status === 'active' ? '/bot/remove' : '/bot', { by_id: state.acting });
  $('new-group').onsubmit = async (e) => {
    e.preventDefault();
    const title = $('new-group-title').value.trim();
    const owner = $('new-group-owner').value;
    if (!title || !owner) { toast('A group needs a title and a creator', true); return; }
    const memberIds = [...$('new-group-members').querySelectorAll('input:checked')].map((i) => Number(i.value));
    const group = await api('POST', 'groups', { title, owner_id: Number(owner), member_ids: memberIds });
    $('new-group-title').value = '';
    $('new-group-members').querySelectorAll('input').forEach((i) => { i.checked = false; });
    selectGroup(group);
  };

  $('cancel-reply').onclick = () => setReplyTo(null);

  // An address may name the chat to open: ?user=<user id>, or ?group=<chat id>&as=<member's user id>,
  // so one person can keep one tab per side (e.g. a user and an operator) open.
  async function openFromAddress() {
    const query = new URLSearchParams(location.search);
    if (query.has('user')) {
      const person = (await api('GET', 'users')).users.find((u) => String(u.user_id) === query.get('user'));
      if (person) select(person); else toast('No user ' + query.get('user') + ' in the emulator', true);
    } else if (query.has('group')) {
      const group = (await api('GET', 'groups')).groups.find((g) => String(g.chat_id) === query.get('group'));
      if (!group) { toast('No group ' + query.get('group') + ' in the emulator', true); return; }
      selectGroup(group);
      if (query.has('as') && group.members.some((m) => String(m.user_id) === query.get('as'))) {
        state.acting = Number(query.get('as'));
        fillActing(group);
        reload();
      }
    }
  }

  loadInfo();
  loadUsers();
  loadGroups();
  openFromAddress();
  setInterval(loadUsers, 5000);
  setInterval(loadGroups, 5000);
})();
