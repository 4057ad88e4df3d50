// The run list: one row per run with its KPIs; a row's button selects the run (and the map follows).
import { colourOf } from './colours.js';

export function renderRuns(tbody, runs, selected, onSelect) {
  tbody.replaceChildren(...runs.map((run, index) => {
    const row = document.createElement('tr');
    row.dataset.vehicle = run.vehicle;
    const atRisk = run.stops.some((s) => s.at_risk);
    row.className = (run.vehicle === selected ? 'selected ' : '') + (atRisk ? 'at-risk' : '');
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-pressed', String(run.vehicle === selected));
    button.title = `${run.driver}, ${run.depot}, ${run.carrier}${run.status === 'broken-down' ? ' — broken down' : ''}`;
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colourOf(index);
    button.append(swatch, run.vehicle);
    button.addEventListener('click', () => onSelect(run.vehicle));
    const first = document.createElement('td');
    first.append(button);
    const k = run.kpis;
    const cells = [k.stops, k.km.toFixed(1), k.hours.toFixed(1), (k.cost_cents / 100).toFixed(2), `${Math.round(k.on_time_share * 100)} %`].map((text) => {
      const cell = document.createElement('td');
      cell.textContent = text;
      return cell;
    });
    row.append(first, ...cells);
    return row;
  }));
}

// Marks the selected run's row without rebuilding the list.
export function markSelected(tbody, selected) {
  for (const row of tbody.rows) {
    const on = row.dataset.vehicle === selected;
    row.classList.toggle('selected', on);
    row.querySelector('button').setAttribute('aria-pressed', String(on));
  }
}
