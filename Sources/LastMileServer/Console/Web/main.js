// The console's page: sign in with an API key (kept in sessionStorage, or given once as `#key=…&date=…`),
// then the date's map, runs, timeline, live feed and actions — only what the key's role may see and do.
import { Api } from './api.js';
import { RunMap } from './map.js';
import { renderRuns, markSelected } from './runs.js';
import { renderTimeline } from './timeline.js';
import { LiveView } from './live.js';
import { Playback } from './playback.js';
import { wirePlanning, wireMoves, reportStop } from './actions.js';

const $ = (selector) => document.querySelector(selector);
const state = { api: null, me: null, map: null, runs: [], selected: null, depots: new Map(), stream: null, clock: '00:00:00' };

function status(text, isError = false) {
  $('#status').textContent = text;
  $('#status').className = isError ? 'error' : '';
}

function readHash() {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('key')) sessionStorage.setItem('lastmile-key', hash.get('key'));
  if (hash.get('date')) sessionStorage.setItem('lastmile-date', hash.get('date'));
  if (hash.get('key') || hash.get('date')) history.replaceState(null, '', location.pathname + (hash.get('run') ? `#run=${hash.get('run')}` : ''));
  return hash.get('run');
}

async function signIn(key, date) {
  const api = new Api(key);
  try {
    state.me = await api.get('/v1/me');
  } catch (error) {
    status(`sign-in failed: ${error.message}`, true);
    return false;
  }
  state.api = api;
  sessionStorage.setItem('lastmile-key', key);
  sessionStorage.setItem('lastmile-date', date);
  $('#sign-in').hidden = true;
  $('#who').hidden = false;
  $('#role').textContent = `${state.me.role}${state.me.scope ? ` ${state.me.scope}` : ''} · ${date}`;
  $('#console').hidden = false;
  for (const element of document.querySelectorAll('[data-needs]')) element.hidden = !state.me[element.dataset.needs];
  state.map = new RunMap($('#map'), api, state.me, select);
  window.lastmileConsole = { map: state.map.map, select }; // a handle for measurements (Benchmarks/console-frames)
  await load(true);
  connectLive();
  return true;
}

async function load(fit) {
  const date = $('#date').value;
  try {
    const [geojson, view] = await Promise.all([state.api.get(`/v1/plans/${date}/geojson`), state.api.get(`/v1/plans/${date}/runs`)]);
    state.depots = new Map(geojson.features.filter((f) => f.properties.kind === 'depot').map((f) => [f.properties.id, f.geometry.coordinates]));
    state.map.setDepots(geojson);
    state.runs = view.runs;
    state.clock = view.clock;
    state.map.setRuns(view.runs, state.depots, fit);
    $('#revision').textContent = `plan v${view.version}, live revision ${view.revision}, ${view.runs.length} runs`;
    document.body.dataset.revision = String(view.revision);
    document.body.dataset.version = String(view.version);
    $('#move-vehicle').replaceChildren(...view.runs.map((run) => new Option(run.vehicle, run.vehicle)));
    const places = new Map(view.runs.flatMap((run) => run.stops.map((s) => [s.order, s.position])));
    const home = new Map(view.runs.map((run) => [run.vehicle, state.depots.get(run.depot)]));
    playback.setPlaces(places, home);
    show();
    document.body.dataset.state = 'ready';
    if (view.runs.length === 0) status(`no runs of ${date} for this key`);
  } catch (error) {
    document.body.dataset.state = 'error';
    status(error.message, true);
  }
}

function show() {
  renderRuns($('#runs tbody'), state.runs, state.selected, select);
  showTimeline();
}

function showTimeline() {
  renderTimeline($('#timeline'), state.runs.find((r) => r.vehicle === state.selected), {
    canReport: state.me.reports_events,
    onDone: (run, stop) => report(run, stop, 'completed'),
    onFailed: (run, stop) => report(run, stop, 'failed'),
  });
}

function select(vehicle) {
  state.selected = state.selected === vehicle ? null : vehicle;
  state.map.select(state.selected);
  markSelected($('#runs tbody'), state.selected);
  showTimeline();
}

async function report(run, stop, outcome) {
  await reportStop({ api: state.api, date: () => $('#date').value, clock: () => state.clock, status }, run, stop, outcome);
  await load(false);
}

let reloadTimer = null;
function connectLive() {
  state.stream?.abort();
  state.stream = new AbortController();
  live.connect(state.api, $('#date').value, state.stream.signal, {
    onChange: () => {
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(() => load(false), 150);
    },
    onPositions: (positions) => state.map.setVehicles(positions.map((p) => ({ vehicle: p.vehicle, position: p.position }))),
  });
}

const live = new LiveView({ feed: $('#feed'), filter: $('#feed-filter'), search: $('#feed-search'), atRisk: $('#at-risk') });
const playback = new Playback(
  { file: $('#playback-file'), speed: $('#playback-speed'), toggle: $('#playback-toggle'), output: $('#playback-clock') },
  (positions) => state.map?.setVehicles(positions),
);
const context = { get api() { return state.api; }, date: () => $('#date').value, status };
wirePlanning($('#plan-form'), { ...context, api: { post: (...a) => state.api.post(...a), stream: (...a) => state.api.stream(...a) }, onPlanned: () => load(true) });
wireMoves($('#move-form'), { api: { post: (...a) => state.api.post(...a) }, date: context.date, status, onMoved: () => load(false) });

$('#sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (await signIn($('#key').value.trim(), $('#date').value)) status('signed in');
});
$('#sign-out').addEventListener('click', () => {
  sessionStorage.removeItem('lastmile-key');
  location.reload();
});

const run = readHash();
$('#date').value = sessionStorage.getItem('lastmile-date') || new Date().toISOString().slice(0, 10);
const saved = sessionStorage.getItem('lastmile-key');
if (saved) signIn(saved, $('#date').value).then((ok) => { if (ok && run) select(run); });
