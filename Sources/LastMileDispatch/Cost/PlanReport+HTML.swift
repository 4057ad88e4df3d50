import LastMileCore
import LastMileDomain

extension PlanReport {
    /// A self-contained HTML page (no scripts, no external files): the totals, four inline-SVG charts — cost
    /// components per carrier (stacked bars), cost per order and CO₂e per order (one bar per order, sorted),
    /// a map thumbnail of every run (depot then stops, coloured by carrier) — and the full table.
    public var html: String {
        let rows = tableRows
        var page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Cost report \(LastMileDispatch.html(date)) v\(version)</title>
            <style>\(Self.style)</style></head><body>
            <h1>Cost and CO2e report, \(LastMileDispatch.html(date)) version \(version)</h1>
            <p class="meta">total cost \(totalCost), \(total.stops) stops, CO2e \(FixedPoint.string(total.co2eGrams, decimals: 3)) kg</p>
            <div class="charts">

            """
        page += figure("cost-by-carrier", "Cost components per carrier", costComponentsChart)
        page += figure("cost-per-order", "Cost per order (sorted)", barsChart(orders.map(\.cost.rawValue), colour: "#4e79a7") { Cents($0).description })
        page += figure("co2e-per-order", "CO2e per order, grams (sorted)", barsChart(orders.map(\.co2eGrams), colour: "#59a14f") { "\($0) g" })
        page += figure("map", "Runs: depot, then stops", mapChart)
        page += "</div>\n<div class=\"wide\"><table>\n<tr>" + Self.columns.map { "<th>\(LastMileDispatch.html($0))</th>" }.joined() + "</tr>\n"
        for row in rows {
            page += "<tr>" + row.enumerated().map { c, cell in c < 4 ? "<td>\(LastMileDispatch.html(cell))</td>" : "<td class=\"number\">\(LastMileDispatch.html(cell))</td>" }.joined() + "</tr>\n"
        }
        page += "</table></div>\n"
        for (carrier, amount) in dayMinimumTopUps { page += "<p>day minimum of \(LastMileDispatch.html(carrier)): +\(amount)</p>\n" }
        return page + "</body></html>\n"
    }

    /// The report page's style (also the comparison's): charts in a wrapping row, wide tables scroll inside
    /// their box instead of widening the page.
    static let style = pageStyle + " svg { border: 1px solid #ddd; margin: 0.5em 1em 0.5em 0; } .charts { display: flex; flex-wrap: wrap; }"
        + " figure { margin: 0; } figcaption { font-size: 0.85em; color: #555; } .wide { overflow-x: auto; max-width: 100%; }"

    /// Horizontal stacked bars, one per `bars` entry: its charge by component (scaled to the dearest), its
    /// label on the left, a legend below.
    static func componentBars(_ bars: [(label: String, charge: RunCharge)]) -> String {
        let (labelWidth, barLength, rowHeight) = (230, 420, 24)
        let width = labelWidth + barLength + 80
        let height = bars.count * rowHeight + 40
        let largest = max(1, bars.map(\.charge.total.rawValue).max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        for (k, bar) in bars.enumerated() {
            let y = 8 + k * rowHeight
            let label = bar.label.count > 36 ? bar.label.prefix(35) + "…" : bar.label
            svg += "<text x=\"6\" y=\"\(y + 14)\" font-size=\"11\">\(LastMileDispatch.html(String(label)))</text>"
            var x = labelWidth
            for (c, component) in bar.charge.components.enumerated() where component.amount.rawValue > 0 {
                let w = Int(component.amount.rawValue * Int64(barLength) / largest)
                svg += "<rect class=\"component\" x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"\(rowHeight - 6)\" fill=\"\(componentColours[c])\"><title>\(LastMileDispatch.html(bar.label)) \(component.name) \(component.amount)</title></rect>"
                x += w
            }
            svg += "<text x=\"\(x + 4)\" y=\"\(y + 14)\" font-size=\"10\">\(bar.charge.total)</text>"
        }
        for (c, component) in RunCharge().components.enumerated() {
            let x = 6 + c * 70
            svg += "<rect x=\"\(x)\" y=\"\(height - 22)\" width=\"10\" height=\"10\" fill=\"\(componentColours[c])\"/><text x=\"\(x + 14)\" y=\"\(height - 13)\" font-size=\"10\">\(component.name)</text>"
        }
        return svg + "</svg>"
    }

    private func figure(_ id: String, _ caption: String, _ svg: String) -> String {
        "<figure id=\"\(id)\">\(svg)<figcaption>\(LastMileDispatch.html(caption))</figcaption></figure>\n"
    }

    static let componentColours = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    /// One stacked bar per carrier, a segment per cost component (scaled to the dearest carrier), with a legend.
    private var costComponentsChart: String {
        let (width, height, barWidth) = (360, 220, 50)
        let largest = max(1, byCarrier.map(\.charge.total.rawValue).max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        for (k, carrier) in byCarrier.enumerated() {
            var top = 180
            let x = 20 + k * (barWidth + 20)
            for (c, component) in carrier.charge.components.enumerated() where component.amount.rawValue > 0 {
                let h = Int(component.amount.rawValue * 160 / largest)
                top -= h
                svg += "<rect class=\"component\" x=\"\(x)\" y=\"\(top)\" width=\"\(barWidth)\" height=\"\(h)\" fill=\"\(Self.componentColours[c])\"><title>\(LastMileDispatch.html(carrier.vehicleID)) \(component.name) \(component.amount)</title></rect>"
            }
            svg += "<text x=\"\(x)\" y=\"198\" font-size=\"11\">\(LastMileDispatch.html(carrier.vehicleID))</text>"
        }
        for (c, component) in RunCharge().components.enumerated() {
            let y = 14 + c * 16
            svg += "<rect x=\"\(width - 90)\" y=\"\(y - 9)\" width=\"10\" height=\"10\" fill=\"\(Self.componentColours[c])\"/><text x=\"\(width - 75)\" y=\"\(y)\" font-size=\"10\">\(component.name)</text>"
        }
        return svg + "</svg>"
    }

    /// One bar per value, sorted descending, scaled to the largest.
    private func barsChart(_ values: [Int64], colour: String, label: (Int64) -> String) -> String {
        let (width, height) = (360, 220)
        let sorted = values.sorted(by: >)
        let largest = max(1, sorted.first ?? 1)
        let step = sorted.isEmpty ? 0 : Double(width - 20) / Double(sorted.count)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        for (k, value) in sorted.enumerated() {
            let h = Int(value * 190 / largest)
            svg += "<rect class=\"bar\" x=\"\(FixedPoint.string(10 + Double(k) * step, decimals: 1))\" y=\"\(200 - h)\" width=\"\(FixedPoint.string(max(step, 0.5), decimals: 1))\" height=\"\(h)\" fill=\"\(colour)\"/>"
        }
        return svg + "<text x=\"10\" y=\"214\" font-size=\"10\">max \(label(largest)), \(sorted.count) orders</text></svg>"
    }

    /// Every run's depot and stops as a polyline on an equirectangular thumbnail of the plan's bounding box.
    private var mapChart: String {
        let size = 220
        let points = paths.flatMap(\.points)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(size)\" height=\"\(size)\" viewBox=\"0 0 \(size) \(size)\">"
        guard let first = points.first else { return svg + "</svg>" }
        var (south, north, west, east) = (first.latitude, first.latitude, first.longitude, first.longitude)
        for point in points {
            (south, north) = (min(south, point.latitude), max(north, point.latitude))
            (west, east) = (min(west, point.longitude), max(east, point.longitude))
        }
        let span = max(north - south, east - west, 1e-6)
        func xy(_ c: Coordinate) -> String {
            FixedPoint.string(10 + (c.longitude - west) / span * Double(size - 20), decimals: 1) + ","
                + FixedPoint.string(Double(size - 10) - (c.latitude - south) / span * Double(size - 20), decimals: 1)
        }
        let carriers = Set(paths.map(\.carrierID)).sorted()
        for path in paths {
            let colour = Self.componentColours[(carriers.firstIndex(of: path.carrierID) ?? 0) % Self.componentColours.count]
            svg += "<polyline class=\"run\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1\" points=\"\(path.points.map(xy).joined(separator: " "))\"/>"
        }
        return svg + "</svg>"
    }
}
