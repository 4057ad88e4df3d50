// The selected run's timeline (a Gantt chart): per stop its window (green), waiting (orange) and service
// (blue; grey when done, red when failed), the ETA in text, breaks, and — for keys that report events — buttons
// to mark the current or next stops done or failed.
import { seconds, clock } from './time.js';

export function renderTimeline(container, run, { canReport, onDone, onFailed }) {
  if (!run) {
    container.innerHTML = '<p class="hint">Select a run on the map or in the list.</p>';
    return;
  }
  const times = run.stops.flatMap((s) => [seconds(s.window_start), seconds(s.window_end), seconds(s.arrival), seconds(s.departure)]);
  const from = Math.min(seconds(run.departure), ...times);
  const to = Math.max(seconds(run.end_eta), ...times);
  const total = Math.max(1, to - from);
  const x = (t) => `${(((t - from) / total) * 100).toFixed(2)}%`;
  const w = (a, b) => `${(((b - a) / total) * 100).toFixed(2)}%`;
  const rows = [];
  const heading = document.createElement('p');
  heading.id = 'timeline-run';
  heading.dataset.vehicle = run.vehicle;
  heading.textContent = `${run.vehicle} (${run.driver}) leaves ${run.departure.slice(0, 5)}, back ${run.end_eta.slice(0, 5)}${run.status === 'broken-down' ? ' — broken down' : ''}`;
  rows.push(heading);
  const axis = document.createElement('div');
  axis.className = 'axis';
  for (let i = 0; i <= 2; i++) {
    const tick = document.createElement('span');
    tick.textContent = clock(from + (total * i) / 2);
    axis.append(tick);
  }
  rows.push(axis);
  run.stops.forEach((stop, index) => {
    const row = bar(`${index + 1}. ${stop.customer}`, stop.at_risk || `${stop.order}, window ${stop.window_start.slice(0, 5)}–${stop.window_end.slice(0, 5)}`);
    row.dataset.order = stop.order;
    row.classList.add(stop.state);
    if (stop.outcome && stop.outcome.startsWith('failed')) row.classList.add('failed');
    if (stop.at_risk) row.classList.add('risk');
    const track = row.querySelector('.track');
    track.append(span('window', x(seconds(stop.window_start)), w(seconds(stop.window_start), seconds(stop.window_end))));
    if (stop.waiting_seconds > 0) track.append(span('wait', x(seconds(stop.arrival)), w(seconds(stop.arrival), seconds(stop.service_start))));
    track.append(span('service', x(seconds(stop.service_start)), w(seconds(stop.service_start), seconds(stop.departure))));
    const eta = row.querySelector('.do');
    const text = document.createElement('span');
    text.className = 'eta';
    text.textContent = stop.arrival.slice(0, 5);
    text.title = stop.state === 'done' ? `arrived (${stop.outcome})` : 'ETA';
    eta.append(text);
    if (canReport && stop.state !== 'done' && index === run.stops.findIndex((s) => s.state !== 'done')) {
      eta.append(' ', button('Done', `Mark ${stop.order} delivered`, () => onDone(run, stop)), button('Failed', `Mark ${stop.order} failed`, () => onFailed(run, stop)));
    }
    rows.push(row);
  });
  for (const pause of run.breaks) {
    const row = bar(`break after stop ${pause.after_stops}`, `${pause.minutes} min`);
    row.classList.add('break');
    const start = seconds(pause.start);
    row.querySelector('.track').append(span('service', x(start), w(start, start + pause.minutes * 60)));
    row.querySelector('.do').textContent = pause.start.slice(0, 5);
    rows.push(row);
  }
  const chart = document.createElement('div');
  chart.className = 'gantt';
  chart.append(...rows);
  container.replaceChildren(chart);
}

function bar(label, title) {
  const row = document.createElement('div');
  row.className = 'gantt-row';
  row.innerHTML = '<span class="label"></span><span class="track"></span><span class="do"></span>';
  row.querySelector('.label').textContent = label;
  row.title = title;
  return row;
}

function span(kind, left, width) {
  const element = document.createElement('span');
  element.className = kind;
  element.style.left = left;
  element.style.width = width;
  return element;
}

function button(text, label, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  element.setAttribute('aria-label', label);
  element.addEventListener('click', onClick);
  return element;
}
