import LastMileDomain
import Foundation
import LastMileCore
import LastMileGraph

/// A self-contained HTML page with the day drawn as SVG over the road network (no tiles, no scripts from the
/// internet): roads in grey, each run in its own colour along the roads, stops in their run's colour (their
/// sequence numbers show while hovering the run), depots as squares, unassigned orders as crosses. A side
/// panel gives the date, plan version and KPIs, a scrolling legend of the runs, and the orders that are not
/// framed: far from every depot (``FarOrder``) or unassigned, with the reason.
///
/// The frame holds the depots and the served stops that are not far away, so that one wrong coordinate
/// cannot shrink the town into a corner; the SVG element carries it as `data-bbox="west,south,east,north"`
/// (degrees, GeoJSON's bbox order).
public enum PlanMap {
    /// A pixel coordinate with one decimal.
    static func pixels(_ value: Double) -> String { FixedPoint.string(value, decimals: 1) }

    /// Drawing width of the frame, pixels (the SVG scales to the window).
    static let width = 1000.0

    public static func page(plan: DayPlan, day: DispatchDay, graph: RoadGraph, kpis: PlanKPIs, version: Int) -> String {
        let orders = Dictionary(uniqueKeysWithValues: day.orders.map { ($0.id, $0) })
        let far = FarOrder.find(orders: day.orders, depots: day.depots)
        let farIDs = Set(far.map(\.orderID))
        let served = plan.runs.flatMap(\.stops).map(\.orderID).filter { !farIDs.contains($0) }.compactMap { orders[$0]?.coordinate }
        // The frame with a margin; equirectangular projection scaled to `width` pixels; only roads that touch
        // the frame are drawn (a city extract stays a few hundred kilobytes).
        let points = day.depots.map(\.coordinate) + served
        let lats = points.map(\.latitude), lons = points.map(\.longitude)
        let (lowLat, highLat) = (lats.min() ?? 0, lats.max() ?? 1), (lowLon, highLon) = (lons.min() ?? 0, lons.max() ?? 1)
        let (marginLat, marginLon) = (max(0.002, (highLat - lowLat) * 0.05), max(0.002, (highLon - lowLon) * 0.05))
        let (minLat, maxLat) = (lowLat - marginLat, highLat + marginLat), (minLon, maxLon) = (lowLon - marginLon, highLon + marginLon)
        func inside(_ c: Coordinate) -> Bool { (minLat...maxLat).contains(c.latitude) && (minLon...maxLon).contains(c.longitude) }
        let shrink = cos((minLat + maxLat) / 2 * .pi / 180)
        let scale = width / max((maxLon - minLon) * shrink, 1e-9)
        let height = (maxLat - minLat) * scale + 20
        func xy(_ c: Coordinate) -> (x: Double, y: Double) { ((c.longitude - minLon) * shrink * scale + 10, (maxLat - c.latitude) * scale + 10) }
        func text(_ c: Coordinate) -> String { let p = xy(c); return pixels(p.x) + "," + pixels(p.y) }
        var roads = ""
        let tails = graph.arcTails()
        for arc in 0..<graph.arcCount {
            let tail = Int(tails[arc]), head = Int(graph.arcHead[arc])
            // One stroke per street: skip the reverse of an arc drawn already.
            if head < tail, graph.outArcs(of: NodeIndex(head)).contains(where: { Int(graph.arcHead[$0]) == tail }) { continue }
            guard inside(graph.nodeCoordinate[tail]) || inside(graph.nodeCoordinate[head]) else { continue }
            roads += "M" + graph.geometry(of: ArcIndex(arc), tail: NodeIndex(tail)).map(text).joined(separator: "L")
        }
        var runs = "", legend = ""
        for (index, run) in plan.runs.enumerated() {
            let colour = RouteColours.colour(index)
            let title = "\(run.vehicleID) · \(run.driver) · \(run.stops.count) stops · \(FixedPoint.string(Double(run.metres) / 1000, decimals: 1)) km · \(run.departure)–\(run.end)"
            var group = "<g class=\"run\"><title>\(html(title))</title>"
            group += "<polyline points=\"\(run.geometry.map(text).joined(separator: " "))\" stroke=\"\(colour)\"/>"
            for (sequence, stop) in run.stops.enumerated() {
                guard let order = orders[stop.orderID], !farIDs.contains(order.id) else { continue }
                let p = xy(order.coordinate)
                let label = "\(sequence + 1). order \(order.id), arrival \(stop.arrival), window \(order.windowStart)–\(order.windowEnd)"
                group += "<circle cx=\"\(pixels(p.x))\" cy=\"\(pixels(p.y))\" r=\"4\" fill=\"\(colour)\">"
                    + "<title>\(html(label))</title></circle>"
                    + "<text class=\"sequence\" x=\"\(pixels(p.x + 5))\" y=\"\(pixels(p.y - 5))\">\(sequence + 1)</text>"
            }
            runs += group + "</g>\n"
            legend += "<li><span class=\"swatch\" style=\"background:\(colour)\"></span>\(html(title))</li>"
        }
        var depots = ""
        for depot in day.depots {
            let p = xy(depot.coordinate)
            depots += "<g class=\"depot\"><rect x=\"\(pixels(p.x - 7))\" y=\"\(pixels(p.y - 7))\" width=\"14\" height=\"14\"/>"
                + "<text x=\"\(pixels(p.x + 10))\" y=\"\(pixels(p.y + 4))\">"
                + "\(html(depot.name))</text><title>\(html("\(depot.name) (\(depot.kind.rawValue)), open \(depot.opens)–\(depot.closes)"))</title></g>\n"
        }
        var crosses = ""
        for (orderID, reason) in plan.unassigned.map({ ($0.orderID, $0.reason) }) {
            guard let order = orders[orderID], inside(order.coordinate) else { continue }
            let p = xy(order.coordinate)
            crosses += "<path class=\"unassigned\" d=\"M\(pixels(p.x - 4)),\(pixels(p.y - 4))L\(pixels(p.x + 4)),\(pixels(p.y + 4))"
                + "M\(pixels(p.x - 4)),\(pixels(p.y + 4))L\(pixels(p.x + 4)),\(pixels(p.y - 4))\">"
                + "<title>\(html("order \(orderID) unassigned: \(reason)"))</title></path>\n"
        }
        let unframed = unframedOrders(plan: plan, far: far)
        let table = kpis.lines.map { "<tr><th>\(html($0.label))</th><td>\(html($0.value))</td></tr>" }.joined()
        let bbox = [minLon, minLat, maxLon, maxLat].map { FixedPoint.string($0, decimals: 7) }.joined(separator: ",")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>LastMile plan — \(html(day.date)) version \(version)</title>
            <style>
            body { margin: 0; font-family: system-ui, sans-serif; display: flex; color: #222; }
            #map { flex: 1; background: #fbfbf8; }
            svg { width: 100%; height: 100vh; }
            .roads { fill: none; stroke: #c8c8c8; stroke-width: 1; }
            .run polyline { fill: none; stroke-width: 3; stroke-linejoin: round; opacity: 0.85; }
            .run:hover polyline { stroke-width: 6; opacity: 1; }
            .run circle { stroke: white; stroke-width: 1; }
            .run .sequence { display: none; font-size: 11px; font-weight: 600; paint-order: stroke; stroke: white; stroke-width: 3; }
            .run:hover .sequence { display: inline; }
            .depot rect { fill: #222; stroke: white; stroke-width: 2; }
            .depot text { font-size: 13px; font-weight: 600; paint-order: stroke; stroke: white; stroke-width: 3; }
            .unassigned { stroke: #000; stroke-width: 2; }
            aside { width: 360px; padding: 1em; overflow-y: auto; height: 100vh; box-sizing: border-box; font-size: 13px; }
            aside table { border-collapse: collapse; width: 100%; } aside th { text-align: left; padding-right: 0.5em; }
            ul { list-style: none; padding: 0; } li { margin: 0.2em 0; }
            ul.legend, ul.unframed { max-height: 35vh; overflow-y: auto; border: 1px solid #e4e4e4; padding: 0.3em; }
            .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: middle; }
            </style></head><body>
            <div id="map"><svg viewBox="0 0 \(Int(width + 20)) \(Int(height + 20))" data-bbox="\(bbox)" xmlns="http://www.w3.org/2000/svg">
            <path class="roads" d="\(roads)"/>
            \(runs)\(depots)\(crosses)</svg></div>
            <aside><h2>Plan for \(html(day.date)), version \(version)</h2>
            <table>\(table)</table>
            <h3>Runs (\(plan.runs.count))</h3><ul class="legend">\(legend)</ul>
            \(unframed.isEmpty ? "" : "<h3>Not on the map or not served (\(unframed.count))</h3><ul class=\"unframed\">\(unframed.joined())</ul>")
            <p>Roads © OpenStreetMap contributors (sample town: generated). Hover a run to highlight it and number its stops.</p>
            </aside></body></html>

            """
    }

    /// The side panel's list items: one per order that is far away or unassigned (both facts on one line when
    /// both hold), unassigned orders first in the plan's order, then the other far ones.
    static func unframedOrders(plan: DayPlan, far: [FarOrder]) -> [String] {
        let farByID = Dictionary(far.map { ($0.orderID, $0) }, uniquingKeysWith: { first, _ in first })
        func distance(_ order: FarOrder) -> String { "is \(Int(order.kilometres.rounded())) km from the nearest depot (not framed)" }
        var items: [String] = []
        var listed: Set<String> = []
        for unassigned in plan.unassigned where listed.insert(unassigned.orderID).inserted {
            let farAway = farByID[unassigned.orderID].map { " " + distance($0) + ";" } ?? ""
            items.append("<li>order \(html(unassigned.orderID))\(farAway) unassigned: \(html(unassigned.reason))</li>")
        }
        for order in far where listed.insert(order.orderID).inserted {
            items.append("<li>order \(html(order.orderID)) \(distance(order))</li>")
        }
        return items
    }
}
