// The live day: the date's server-sent events (events, positions, reroutes, customers at risk) into a
// filterable feed and the at-risk list; `onChange` is called after each message so the page can refresh.

export class LiveView {
  constructor({ feed, filter, search, atRisk }) {
    Object.assign(this, { feed, filter, search, atRisk });
    filter.addEventListener('change', () => this.applyFilter());
    search.addEventListener('input', () => this.applyFilter());
  }

  // Streams `date` until `signal` aborts; reconnects after a dropped connection.
  async connect(api, date, signal, { onChange, onPositions }) {
    while (!signal.aborted) {
      try {
        await api.stream(`/v1/live/${date}/stream`, (name, data) => {
          this.add(name, data);
          if (name === 'positions') onPositions(data);
          if (name === 'at-risk') this.showAtRisk(data);
          onChange(name);
        }, signal);
      } catch (error) {
        if (signal.aborted) return;
        this.add('error', { message: error.message });
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  showAtRisk(list) {
    this.atRisk.replaceChildren(...list.map((stop) => {
      const item = document.createElement('li');
      item.textContent = `${stop.customer} (${stop.order}, ${stop.vehicle}): ${stop.reason}`;
      return item;
    }));
  }

  add(type, data) {
    const item = document.createElement('li');
    item.dataset.type = type;
    item.textContent = describe(type, data);
    this.feed.prepend(item);
    while (this.feed.children.length > 500) this.feed.lastChild.remove();
    this.applyFilter(item);
  }

  applyFilter(only) {
    const type = this.filter.value;
    const text = this.search.value.trim().toLowerCase();
    for (const item of only ? [only] : this.feed.children) {
      item.hidden = (type && item.dataset.type !== type) || (text && !item.textContent.toLowerCase().includes(text));
    }
  }
}

function describe(type, data) {
  switch (type) {
    case 'event': {
      const e = data.event;
      const about = [e.vehicle, e.order, e.minutes && `${e.minutes} min`, e.reason].filter(Boolean).join(', ');
      return `${e.at} ${e.type}${about ? ` — ${about}` : ''} (revision ${data.revision})`;
    }
    case 'reroute': return `rerouted ${data.vehicles.join(', ')}: ${data.changed_stops} stops changed, ${Math.round(data.gain_seconds / 60)} min saved`;
    case 'at-risk': return `${data.length} customer${data.length === 1 ? '' : 's'} at risk`;
    case 'positions': return data.map((p) => `${p.vehicle} at ${p.at}`).join('; ');
    default: return data.message || JSON.stringify(data);
  }
}
