import LastMileDomain
import Foundation
import LastMileGraph

/// Writes every output of a planned day into a folder: `map.html`, `plan.geojson`, `kpis.json`,
/// `unassigned.csv`, and `manifests/` (an index page, then a CSV and a printable page per run).
public enum PlanOutputs {
    /// The files written, relative to `folder`, in writing order.
    @discardableResult
    public static func write(plan: DayPlan, day: DispatchDay, graph: RoadGraph, to folder: URL) throws -> [String] {
        let manifests = folder.appendingPathComponent("manifests")
        try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
        let kpis = PlanKPIs(plan: plan, day: day)
        var files: [(String, String)] = [
            ("map.html", PlanMap.page(plan: plan, day: day, graph: graph, kpis: kpis)),
            ("plan.geojson", PlanGeoJSON.make(plan: plan, day: day)),
            ("kpis.json", kpis.json),
            ("unassigned.csv", "order,reason\n" + plan.unassigned.map { Manifests.csvField($0.orderID) + "," + Manifests.csvField($0.reason) }
                .map { $0 + "\n" }.joined()),
            ("manifests/index.html", Manifests.index(plan: plan, day: day)),
        ]
        for run in plan.runs {
            files.append(("manifests/\(Manifests.baseName(of: run)).csv", Manifests.csv(run: run, day: day)))
            files.append(("manifests/\(Manifests.baseName(of: run)).html", Manifests.page(run: run, day: day)))
        }
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return files.map(\.0)
    }
}
