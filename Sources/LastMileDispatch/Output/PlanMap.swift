import Foundation
import LastMileCore
import LastMileGraph

/// A self-contained HTML page with the day drawn as SVG over the road network (no tiles, no scripts from the
/// internet): roads in grey, each run in its colour along the roads, stops numbered in their run's colour,
/// depots as squares, unassigned orders as crosses; hovering a run highlights it; a side panel lists the runs
/// and the KPIs.
public enum PlanMap {
    public static func page(plan: DayPlan, day: DispatchDay, graph: RoadGraph, kpis: PlanKPIs) -> String {
        // The day's extent (depots, orders, runs) with a margin; equirectangular projection scaled to `width`
        // pixels; only roads that touch the extent are drawn (a city extract stays a few hundred kilobytes).
        let points = day.depots.map(\.coordinate) + day.orders.map(\.coordinate) + plan.runs.flatMap(\.geometry)
        let lats = points.map(\.latitude), lons = points.map(\.longitude)
        let (lowLat, highLat) = (lats.min() ?? 0, lats.max() ?? 1), (lowLon, highLon) = (lons.min() ?? 0, lons.max() ?? 1)
        let (marginLat, marginLon) = (max(0.002, (highLat - lowLat) * 0.05), max(0.002, (highLon - lowLon) * 0.05))
        let (minLat, maxLat) = (lowLat - marginLat, highLat + marginLat), (minLon, maxLon) = (lowLon - marginLon, highLon + marginLon)
        func inside(_ c: Coordinate) -> Bool { (minLat...maxLat).contains(c.latitude) && (minLon...maxLon).contains(c.longitude) }
        let shrink = cos((minLat + maxLat) / 2 * .pi / 180)
        let width = 1000.0
        let scale = width / max((maxLon - minLon) * shrink, 1e-9)
        let height = (maxLat - minLat) * scale + 20
        func xy(_ c: Coordinate) -> String {
            FixedPoint.string((c.longitude - minLon) * shrink * scale + 10, decimals: 1) + "," + FixedPoint.string((maxLat - c.latitude) * scale + 10, decimals: 1)
        }
        var roads = ""
        let tails = graph.arcTails()
        for arc in 0..<graph.arcCount {
            let tail = Int(tails[arc]), head = Int(graph.arcHead[arc])
            // One stroke per street: skip the reverse of an arc drawn already.
            if head < tail, graph.outArcs(of: NodeIndex(head)).contains(where: { Int(graph.arcHead[$0]) == tail }) { continue }
            guard inside(graph.nodeCoordinate[tail]) || inside(graph.nodeCoordinate[head]) else { continue }
            roads += "M" + graph.geometry(of: ArcIndex(arc), tail: NodeIndex(tail)).map(xy).joined(separator: "L")
        }
        let orders = Dictionary(uniqueKeysWithValues: day.orders.map { ($0.id, $0) })
        var runs = "", legend = ""
        for (index, run) in plan.runs.enumerated() {
            let colour = RouteColours.colour(index)
            let title = "\(run.vehicleID) · \(run.driver) · \(run.stops.count) stops · \(FixedPoint.string(Double(run.metres) / 1000, decimals: 1)) km · \(run.departure)–\(run.end)"
            var group = "<g class=\"run\"><title>\(html(title))</title>"
            group += "<polyline points=\"\(run.geometry.map(xy).joined(separator: " "))\" stroke=\"\(colour)\"/>"
            for (sequence, stop) in run.stops.enumerated() {
                guard let order = orders[stop.orderID] else { continue }
                let p = xy(order.coordinate).split(separator: ",")
                group += "<circle cx=\"\(p[0])\" cy=\"\(p[1])\" r=\"4\" fill=\"\(colour)\"><title>\(html("\(sequence + 1). order \(order.id), arrival \(stop.arrival), window \(order.windowStart)–\(order.windowEnd)"))</title></circle>"
            }
            runs += group + "</g>\n"
            legend += "<li><span class=\"swatch\" style=\"background:\(colour)\"></span>\(html(title))</li>"
        }
        var depots = ""
        for depot in day.depots {
            let p = xy(depot.coordinate).split(separator: ",").compactMap { Double($0) }
            depots += "<g class=\"depot\"><rect x=\"\(p[0] - 7)\" y=\"\(p[1] - 7)\" width=\"14\" height=\"14\"/><text x=\"\(p[0] + 10)\" y=\"\(p[1] + 4)\">\(html(depot.name))</text><title>\(html("\(depot.name) (\(depot.kind.rawValue)), open \(depot.opens)–\(depot.closes)"))</title></g>\n"
        }
        var missing = ""
        for (orderID, reason) in plan.unassigned {
            guard let order = orders[orderID] else { continue }
            let p = xy(order.coordinate).split(separator: ",").compactMap { Double($0) }
            missing += "<path class=\"unassigned\" d=\"M\(p[0] - 4),\(p[1] - 4)L\(p[0] + 4),\(p[1] + 4)M\(p[0] - 4),\(p[1] + 4)L\(p[0] + 4),\(p[1] - 4)\"><title>\(html("order \(orderID) unassigned: \(reason)"))</title></path>\n"
        }
        let table = kpis.lines.map { "<tr><th>\(html($0.label))</th><td>\(html($0.value))</td></tr>" }.joined()
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>LastMile plan — \(html(day.date))</title>
            <style>
            body { margin: 0; font-family: system-ui, sans-serif; display: flex; color: #222; }
            #map { flex: 1; background: #fbfbf8; }
            svg { width: 100%; height: 100vh; }
            .roads { fill: none; stroke: #c8c8c8; stroke-width: 1; }
            .run polyline { fill: none; stroke-width: 3; stroke-linejoin: round; opacity: 0.85; }
            .run:hover polyline { stroke-width: 6; opacity: 1; }
            .run circle { stroke: white; stroke-width: 1; }
            .depot rect { fill: #222; stroke: white; stroke-width: 2; }
            .depot text { font-size: 13px; font-weight: 600; paint-order: stroke; stroke: white; stroke-width: 3; }
            .unassigned { stroke: #000; stroke-width: 2; }
            aside { width: 360px; padding: 1em; overflow-y: auto; height: 100vh; box-sizing: border-box; font-size: 13px; }
            aside table { border-collapse: collapse; width: 100%; } aside th { text-align: left; padding-right: 0.5em; }
            ul { list-style: none; padding: 0; } li { margin: 0.2em 0; }
            .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: middle; }
            </style></head><body>
            <div id="map"><svg viewBox="0 0 \(Int(width + 20)) \(Int(height + 20))" xmlns="http://www.w3.org/2000/svg">
            <path class="roads" d="\(roads)"/>
            \(runs)\(depots)\(missing)</svg></div>
            <aside><h2>Plan for \(html(day.date))</h2>
            <table>\(table)</table>
            <h3>Runs</h3><ul>\(legend)</ul>
            <p>Roads © OpenStreetMap contributors (sample town: generated). Hover a run to highlight it.</p>
            </aside></body></html>

            """
    }
}
