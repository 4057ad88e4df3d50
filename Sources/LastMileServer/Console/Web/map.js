// The map: base layer (tiles when the server has a URL, otherwise the road network of its graph, fetched per
// view and simplified by zoom), depots, runs in their colours with their stops, the selected run drawn again on
// top with numbered stops while the others fade, and vehicles' positions (live or played back).
//
// For a Porto day (100+ runs, thousands of stops) to stay smooth, vector layers are drawn on four canvases in
// their own panes: roads, runs, the selection, and depots with vehicles. Selecting a run redraws only the
// selection canvas (the runs fade through their pane's CSS opacity), a vehicle update only its canvas, and a
// pan redraws the roads only once the view has settled.
import * as L from '/leaflet/leaflet.esm.js';
import { colourOf } from './colours.js';

export class RunMap {
  constructor(element, api, me, onSelect) {
    this.api = api;
    this.onSelect = onSelect;
    this.map = L.map(element, { preferCanvas: true, zoomControl: true, keyboard: true });
    const pane = (name, zIndex) => {
      this.map.createPane(name).style.zIndex = String(zIndex);
      return L.canvas({ pane: name, padding: 0.1 });
    };
    this.roadRenderer = pane('roads', 300);
    this.renderer = pane('runs', 400);
    this.selectionRenderer = pane('selection', 450);
    this.vehicleRenderer = pane('vehicles', 500);
    this.runs = new Map(); // vehicle → { line, colour, run }
    this.selected = null;
    this.stops = L.layerGroup().addTo(this.map);
    this.selection = L.layerGroup().addTo(this.map);
    this.vehicles = L.layerGroup().addTo(this.map);
    this.depots = L.layerGroup().addTo(this.map);
    if (me.tile_url) {
      L.tileLayer(me.tile_url, { attribution: me.tile_attribution || '', maxZoom: 19 }).addTo(this.map);
    } else if (me.road_layer) {
      this.roads = L.layerGroup().addTo(this.map);
      this.map.on('moveend', () => {
        clearTimeout(this.roadTimer);
        this.roadTimer = setTimeout(() => this.loadRoads(), 150);
      });
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
    L.polyline(lines, { renderer: this.roadRenderer, color: '#9aa3b2', weight: zoom >= 15 ? 2 : 1, interactive: false }).addTo(this.roads);
  }

  // Depots from the plan's GeoJSON (`kind: depot` features).
  setDepots(geojson) {
    this.depots.clearLayers();
    for (const feature of geojson.features.filter((f) => f.properties.kind === 'depot')) {
      const [lon, lat] = feature.geometry.coordinates;
      L.circleMarker([lat, lon], { renderer: this.vehicleRenderer, radius: 8, color: '#111', weight: 3, fillColor: '#fff', fillOpacity: 1 })
        .bindTooltip(`${feature.properties.id} — ${feature.properties.name}`).addTo(this.depots);
    }
  }

  // Runs from `/v1/plans/{date}/runs`, with the depots' places (`depots`: id → [lon, lat]).
  setRuns(runs, depots, fit) {
    for (const run of this.runs.values()) run.line.remove();
    this.runs.clear();
    this.stops.clearLayers();
    this.depotsOf = depots;
    const all = [];
    runs.forEach((run, index) => {
      const colour = colourOf(index);
      const points = this.pathOf(run);
      all.push(...points);
      const line = L.polyline(points, { renderer: this.renderer, color: colour, weight: 3, opacity: 0.8 }).addTo(this.map);
      line.on('click', () => this.onSelect(run.vehicle));
      for (const stop of run.stops.filter((s) => s.position.length === 2)) {
        L.circleMarker([stop.position[1], stop.position[0]], {
          renderer: this.renderer, radius: 4, color: colour, weight: 2, fillColor: stop.at_risk ? '#b3261e' : '#fff', fillOpacity: 1,
        }).on('click', () => this.onSelect(run.vehicle)).addTo(this.stops);
      }
      this.runs.set(run.vehicle, { line, colour, run });
    });
    this.setVehicles(runs.filter((r) => r.position).map((r) => ({ vehicle: r.vehicle, position: r.position })));
    if (fit && all.length) this.map.fitBounds(L.latLngBounds(all), { padding: [20, 20] });
    this.select(this.selected);
  }

  // A run's path as [lat, lng]: its depot, its stops, back to the depot.
  pathOf(run) {
    const start = this.depotsOf.get(run.depot);
    const points = [start, ...run.stops.map((s) => s.position), start];
    return points.filter((p) => p && p.length === 2).map(([lon, lat]) => [lat, lon]);
  }

  // Highlights one run (or none): the others fade, it is drawn again on top with its stops numbered.
  select(vehicle) {
    this.selected = vehicle;
    this.selection.clearLayers();
    const chosen = vehicle && this.runs.get(vehicle);
    this.map.getPane('runs').style.opacity = chosen ? '0.25' : '1';
    if (!chosen) return;
    L.polyline(this.pathOf(chosen.run), { renderer: this.selectionRenderer, color: chosen.colour, weight: 6, opacity: 0.95, interactive: false })
      .addTo(this.selection);
    chosen.run.stops.forEach((stop, i) => {
      if (stop.position.length !== 2) return;
      const icon = L.divIcon({ className: 'stop-number', html: String(i + 1), iconSize: [18, 18] });
      L.marker([stop.position[1], stop.position[0]], { icon, keyboard: false, title: `${i + 1}. ${stop.order}` })
        .on('click', () => this.onSelect(vehicle)).addTo(this.selection);
    });
  }

  // Vehicles' positions: [{ vehicle, position: [lon, lat] }].
  setVehicles(vehicles) {
    this.vehicles.clearLayers();
    for (const { vehicle, position } of vehicles) {
      const colour = this.runs.get(vehicle)?.colour || '#111';
      L.circleMarker([position[1], position[0]], { renderer: this.vehicleRenderer, radius: 7, color: '#111', weight: 2, fillColor: colour, fillOpacity: 1 })
        .bindTooltip(vehicle).on('click', () => this.onSelect(vehicle)).addTo(this.vehicles);
    }
  }
}
