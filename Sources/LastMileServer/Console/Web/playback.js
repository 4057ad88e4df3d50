// Plays back a simulated day (`lastmile simulate --output FILE`: one report, or an array of them — the first
// is played): every vehicle moves from its depot through its visits in simulated time, at an adjustable speed.
import { clock } from './time.js';

export class Playback {
  constructor({ file, speed, toggle, output }, onPositions) {
    Object.assign(this, { speed, toggle, output, onPositions });
    this.playing = false;
    file.addEventListener('change', () => this.load(file.files[0]));
    toggle.addEventListener('click', () => (this.playing ? this.pause() : this.play()));
  }

  // `places`: order id → [lon, lat]; `depots`: vehicle id → [lon, lat] (from the runs shown).
  setPlaces(places, depots) { this.places = places; this.depots = depots; }

  async load(file) {
    if (!file) return;
    const parsed = JSON.parse(await file.text());
    this.report = Array.isArray(parsed) ? parsed[0] : parsed;
    const starts = this.report.runs.map((r) => r.departure);
    const ends = this.report.runs.map((r) => r.end);
    this.from = Math.min(...starts);
    this.to = Math.max(...ends);
    this.now = this.from;
    this.toggle.disabled = false;
    this.show();
  }

  play() {
    this.playing = true;
    this.toggle.textContent = 'Pause';
    let last = performance.now();
    const step = (time) => {
      if (!this.playing) return;
      this.now = Math.min(this.to, this.now + ((time - last) / 1000) * Number(this.speed.value));
      last = time;
      this.show();
      if (this.now >= this.to) this.pause();
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  pause() {
    this.playing = false;
    this.toggle.textContent = 'Play';
  }

  show() {
    this.output.value = `${this.report.policy} ${clock(this.now, true)}`;
    const positions = [];
    for (const run of this.report.runs) {
      const position = this.positionOf(run, this.now);
      if (position) positions.push({ vehicle: run.vehicleID, position });
    }
    this.onPositions(positions);
  }

  // Where a run's vehicle is at `t`: at a stop while serving it, on the straight line between two places
  // while driving, at the depot before leaving and after returning.
  positionOf(run, t) {
    const depot = this.depots?.get(run.vehicleID);
    let place = depot;
    let leftAt = run.departure;
    for (const visit of run.visits) {
      const here = this.places?.get(visit.orderID);
      if (!here) continue;
      if (t < visit.arrival) return between(place, here, (t - leftAt) / Math.max(1, visit.arrival - leftAt));
      if (t <= visit.departure) return here;
      place = here;
      leftAt = visit.departure;
    }
    return t < run.end ? between(place, depot, (t - leftAt) / Math.max(1, run.end - leftAt)) : depot;
  }
}

function between(a, b, share) {
  if (!a || !b) return a || b;
  const s = Math.min(1, Math.max(0, share));
  return [a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s];
}
