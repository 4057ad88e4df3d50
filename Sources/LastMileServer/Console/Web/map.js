// The map: base layer (tiles when the server has a URL, otherwise the road network of its graph, fetched per
// view and simplified by zoom), depots, runs in their colours with their stops, numbered stops of the selected
// run, and vehicles' positions (live or played back). Everything vector is drawn on one canvas.
import * as L from '/leaflet/leaflet.esm.js';
import { colourOf } from './colours.js';

export class RunMap {
  constructor(element, api, me, onSelect) {
    this.api = api;
    this.onSelect = onSelect;
    this.renderer = L.canvas({ padding: 0.2 });
    this.map = L.map(element, { preferCanvas: true, zoomControl: true, keyboard: true });
    this.runs = new Map(); // vehicle → { line, stops, colour }
    this.selected = null;
    this.numbers = L.layerGroup().addTo(this.map);
    this.vehicles = L.layerGroup().addTo(this.map);
    this.depots = L.layerGroup().addTo(this.map);
    if (me.tile_url) {
      L.tileLayer(me.tile_url, { attribution: me.tile_attribution || '', maxZoom: 19 }).addTo(this.map);
    } else if (me.road_layer) {
      this.roads = L.layerGroup().addTo(this.map);
      this.map.on('moveend', () => this.loadRoads());
    }
    this.map.attributionControl.addAttribution('Map data © OpenStreetMap contributors (ODbL)');
  }

  async loadRoads() {
    const b = this.map.getBounds();
    const zoom = this.map.getZoom();
    const box = [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()].map((v) => v.toFixed(5)).join(',');
    const request = (this.roadRequest = `/v1/roads?bbox=${box}&zoom=${zoom}`);
    const answer = await this.api.get(request);
    if (request !== this.roadRequest) return; // a newer view was asked for meanwhile
    const lines = answer.lines.map((flat) => {
      const points = [];
      for (let i = 0; i < flat.length; i += 2) points.push([flat[i + 1], flat[i]]);
      return points;
    });
    this.roads.clearLayers();
    L.polyline(lines, { renderer: this.renderer, color: '#9aa3b2', weight: zoom >= 15 ? 2 : 1, interactive: false }).addTo(this.roads);
    this.roads.eachLayer((layer) => layer.bringToBack());
  }

  // Depots from the plan's GeoJSON (`kind: depot` features).
  setDepots(geojson) {
    this.depots.clearLayers();
    for (const feature of geojson.features.filter((f) => f.properties.kind === 'depot')) {
      const [lon, lat] = feature.geometry.coordinates;
      L.circleMarker([lat, lon], { renderer: this.renderer, radius: 8, color: '#111', weight: 3, fillColor: '#fff', fillOpacity: 1 })
        .bindTooltip(`${feature.properties.id} — ${feature.properties.name}`).addTo(this.depots);
    }
  }

  // Runs from `/v1/plans/{date}/runs`, with the depots' places (`depots`: id → [lon, lat]).
  setRuns(runs, depots, fit) {
    for (const run of this.runs.values()) { run.line.remove(); run.stops.forEach((s) => s.remove()); }
    this.runs.clear();
    const all = [];
    runs.forEach((run, index) => {
      const colour = colourOf(index);
      const start = depots.get(run.depot);
      const points = [start, ...run.stops.map((s) => s.position)].filter((p) => p && p.length === 2).map(([lon, lat]) => [lat, lon]);
      if (start) points.push([start[1], start[0]]);
      all.push(...points);
      const line = L.polyline(points, { renderer: this.renderer, color: colour, weight: 3, opacity: 0.8 }).addTo(this.map);
      line.on('click', () => this.onSelect(run.vehicle));
      const stops = run.stops.filter((s) => s.position.length === 2).map((stop) => {
        const marker = L.circleMarker([stop.position[1], stop.position[0]], {
          renderer: this.renderer, radius: 4, color: colour, weight: 2, fillColor: stop.at_risk ? '#b3261e' : '#fff', fillOpacity: 1,
        }).addTo(this.map);
        marker.on('click', () => this.onSelect(run.vehicle));
        return marker;
      });
      this.runs.set(run.vehicle, { line, stops, colour, run });
    });
    this.setVehicles(runs.filter((r) => r.position).map((r) => ({ vehicle: r.vehicle, position: r.position })));
    if (fit && all.length) this.map.fitBounds(L.latLngBounds(all), { padding: [20, 20] });
    this.select(this.selected);
  }

  // Highlights one run (or none): the others fade, its stops get their numbers.
  select(vehicle) {
    this.selected = vehicle;
    this.numbers.clearLayers();
    for (const [id, run] of this.runs) {
      const on = !vehicle || id === vehicle;
      run.line.setStyle({ opacity: on ? 0.9 : 0.15, weight: id === vehicle ? 6 : 3 });
      run.stops.forEach((s) => s.setStyle({ opacity: on ? 1 : 0.15, fillOpacity: on ? 1 : 0.15 }));
      if (id === vehicle) {
        run.line.bringToFront();
        run.run.stops.forEach((stop, i) => {
          if (stop.position.length !== 2) return;
          const icon = L.divIcon({ className: 'stop-number', html: String(i + 1), iconSize: [18, 18] });
          L.marker([stop.position[1], stop.position[0]], { icon, keyboard: false, title: `${i + 1}. ${stop.order}` })
            .on('click', () => this.onSelect(id)).addTo(this.numbers);
        });
      }
    }
  }

  // Vehicles' positions: [{ vehicle, position: [lon, lat] }].
  setVehicles(vehicles) {
    this.vehicles.clearLayers();
    for (const { vehicle, position } of vehicles) {
      const colour = this.runs.get(vehicle)?.colour || '#111';
      L.circleMarker([position[1], position[0]], { renderer: this.renderer, radius: 7, color: '#111', weight: 2, fillColor: colour, fillOpacity: 1 })
        .bindTooltip(vehicle).on('click', () => this.onSelect(vehicle)).addTo(this.vehicles);
    }
  }
}
