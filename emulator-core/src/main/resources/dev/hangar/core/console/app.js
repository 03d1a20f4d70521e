// Hangar's web console: polls /_hangar/resources and, when a tail is open, /_hangar/logs with a cursor.
// No framework: the page is rebuilt from the JSON each poll, with textContent only (names come from API calls).
'use strict';

const POLL_MS = 1500;
const TAIL_MS = 1000;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c !== undefined && c !== null) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function badge(status) {
  return el('span', { class: 'badge status s-' + String(status || 'unknown'), text: status || '—' });
}

function table(headers, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, headers.map(h => el('th', { text: h })))),
    el('tbody', {}, rows));
}

function tailHash(account, region, group, stream) {
  const p = new URLSearchParams({ account, region, group });
  if (stream) p.set('stream', stream);
  return '#tail?' + p.toString();
}

function tailLink(account, region, group, stream, label) {
  return el('a', { href: tailHash(account, region, group, stream), class: 'log-link', text: label || 'logs' });
}

function short(arn) {
  return String(arn || '').split('/').pop();
}

function renderEcs(ecs) {
  const body = [];
  for (const a of (ecs && ecs.accounts) || []) {
    body.push(el('h3', { text: `${a.account} · ${a.region}` }));
    body.push(el('p', {}, 'Clusters'));
    body.push(table(['cluster', 'status', 'running', 'pending'], a.clusters.map(c =>
      el('tr', { 'data-cluster': c.name }, el('td', { class: 'mono', text: c.name }), el('td', {}, badge(c.status)),
        el('td', { text: c.runningTasks }), el('td', { text: c.pendingTasks })))));
    if ((a.services || []).length) {
      body.push(el('p', {}, 'Services'));
      body.push(table(['service', 'cluster', 'status', 'desired', 'running', 'pending', 'deployments', 'latest event'],
        a.services.map(s => el('tr', { 'data-service': s.name },
          el('td', { class: 'mono', title: s.arn, text: s.name }), el('td', { class: 'mono', text: s.cluster }),
          el('td', {}, badge(s.status)), el('td', { text: s.desired }), el('td', { text: s.running }),
          el('td', { text: s.pending }),
          el('td', {}, s.deployments.map(d => el('div', {}, el('span', { class: 'mono', text: d.id }), ' ',
            badge(d.status), ' ', badge(d.rolloutState), ` ${d.running} running`,
            d.failed ? ` · ${d.failed} failed` : ''))),
          el('td', { class: 'muted', text: s.lastEvent || '' })))));
    }
    body.push(el('p', {}, 'Tasks'));
    body.push(table(['task', 'cluster', 'definition', 'status', 'containers and ports', 'logs'], a.tasks.map(t =>
      el('tr', { 'data-task-id': t.id, 'data-status': t.lastStatus },
        el('td', { class: 'mono', title: t.arn, text: t.id }),
        el('td', { class: 'mono', text: t.cluster }),
        el('td', { class: 'mono', text: short(t.taskDefinition) }),
        el('td', {}, badge(t.lastStatus), t.desiredStatus !== t.lastStatus ? el('span', { class: 'muted', text: ' → ' + t.desiredStatus }) : null,
          t.stoppedReason ? el('div', { class: 'muted', text: t.stoppedReason }) : null),
        el('td', {}, t.containers.map(c => el('div', {},
          el('span', { class: 'mono', text: c.name }), ' ', el('span', { class: 'muted', text: c.image }), ' ',
          badge(c.lastStatus), c.exitCode !== null && c.exitCode !== undefined ? ` exit ${c.exitCode}` : '',
          c.ports.map(p => el('div', { class: 'mono port', text: `${p.hostPort} → ${p.containerPort}/${p.protocol}` }))))),
        el('td', {}, t.containers.filter(c => c.logGroup).map(c =>
          el('div', {}, tailLink(a.account, c.logRegion || a.region, c.logGroup, c.logStream, c.name))))))));
  }
  return body.length ? body : [el('p', { class: 'muted', text: 'No clusters or tasks.' })];
}

function renderLambda(lambda) {
  const body = [];
  for (const a of (lambda && lambda.accounts) || []) {
    body.push(el('h3', { text: `${a.account} · ${a.region}` }));
    body.push(table(['function', 'state', 'runtime / image', 'execution environments', 'logs'], a.functions.map(f =>
      el('tr', { 'data-function': f.name, 'data-state': f.state },
        el('td', { class: 'mono', title: f.arn, text: f.name }),
        el('td', {}, badge(f.state), f.stateReason ? el('div', { class: 'muted', text: f.stateReason }) : null),
        el('td', { class: 'mono', text: f.packageType === 'Image' ? f.imageUri : `${f.runtime} ${f.handler}` }),
        el('td', {}, f.environments.length ? f.environments.map(e => el('div', { class: 'env' },
          badge(e.state), ' ', el('span', { class: 'mono', text: `${e.id.slice(0, 8)} v${e.version}` })))
          : el('span', { class: 'muted', text: 'none' })),
        el('td', {}, tailLink(a.account, a.region, f.logGroup, null, 'tail'))))));
  }
  return body.length ? body : [el('p', { class: 'muted', text: 'No functions.' })];
}

function renderLogs(logs) {
  const body = [];
  for (const a of (logs && logs.accounts) || []) {
    body.push(el('h3', { text: `${a.account} · ${a.region}` }));
    body.push(table(['log group', 'streams'], a.logGroups.map(g =>
      el('tr', { 'data-log-group': g.name },
        el('td', {}, tailLink(a.account, a.region, g.name, null, g.name)),
        el('td', {}, g.streams.map(s => el('div', {}, tailLink(a.account, a.region, g.name, s.name, s.name))))))));
  }
  return body.length ? body : [el('p', { class: 'muted', text: 'No log groups.' })];
}

function fill(id, nodes) {
  document.querySelector(`#${id} .body`).replaceChildren(...nodes);
}

async function refresh() {
  try {
    const r = await fetch('/_hangar/resources', { cache: 'no-store' });
    const data = await r.json();
    const s = data.services || {};
    fill('ecs', renderEcs(s.ecs));
    fill('lambda', renderLambda(s.lambda));
    fill('logs', renderLogs(s.logs));
    const rt = data.runtime || {};
    const engine = document.getElementById('engine');
    engine.className = 'badge ' + (rt.available ? 's-up' : 's-down');
    engine.textContent = `${rt.engine}: ${rt.available ? 'available' : 'unavailable'}`;
    engine.title = rt.detail || '';
    document.getElementById('refreshed').textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    document.getElementById('refreshed').textContent = 'Hangar is not answering: ' + e.message;
  }
}

// The open tail: which group/stream, the cursor the last answer gave, and a generation so a late answer of a
// tail that was closed or replaced is dropped.
let tail = null;

function openTailFromHash() {
  const hash = location.hash;
  const panel = document.getElementById('tail');
  if (!hash.startsWith('#tail?')) {
    tail = null;
    panel.hidden = true;
    return;
  }
  const p = new URLSearchParams(hash.slice('#tail?'.length));
  tail = { account: p.get('account'), region: p.get('region'), group: p.get('group'), stream: p.get('stream'),
    cursor: null, gen: (tail ? tail.gen : 0) + 1 };
  panel.hidden = false;
  document.getElementById('tail-title').textContent = tail.group + (tail.stream ? ' / ' + tail.stream : '');
  document.getElementById('tail-lines').replaceChildren();
  document.getElementById('tail-status').textContent = 'following…';
  pollTail();
}

async function pollTail() {
  const t = tail;
  if (!t) return;
  const q = new URLSearchParams({ account: t.account, region: t.region, group: t.group });
  if (t.stream) q.set('stream', t.stream);
  if (t.cursor) q.set('cursor', t.cursor);
  try {
    const r = await fetch('/_hangar/logs?' + q.toString(), { cache: 'no-store' });
    const data = await r.json();
    if (t !== tail) return;
    if (!r.ok) {
      document.getElementById('tail-status').textContent = data.message + ' (waiting for it)';
    } else {
      t.cursor = data.nextCursor;
      const lines = document.getElementById('tail-lines');
      const atBottom = lines.scrollTop + lines.clientHeight >= lines.scrollHeight - 4;
      for (const e of data.events) {
        lines.append(el('div', { class: 'line' },
          el('span', { class: 'ts', text: new Date(e.timestamp).toISOString().slice(11, 23) + ' ' }),
          t.stream ? null : el('span', { class: 'ts', text: `[${short(e.stream)}] ` }),
          e.message.replace(/\n$/, '')));
      }
      if (atBottom) lines.scrollTop = lines.scrollHeight;
      document.getElementById('tail-status').textContent =
        `following · ${lines.childElementCount} lines · ${t.account} ${t.region}`;
    }
  } catch (e) {
    if (t === tail) document.getElementById('tail-status').textContent = 'Hangar is not answering: ' + e.message;
  }
  if (t === tail) setTimeout(pollTail, TAIL_MS);
}

document.getElementById('tail-close').addEventListener('click', () => { location.hash = ''; });
window.addEventListener('hashchange', openTailFromHash);
refresh();
setInterval(refresh, POLL_MS);
openTailFromHash();
