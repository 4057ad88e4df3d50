import LastMileDomain
import Foundation
import LastMileGraph

/// Writes every output of a planned day into a folder: `map.html`, `plan.geojson`, `kpis.json`,
/// `unassigned.csv`, and `manifests/` (an index page, then a CSV and a printable page per run).
///
/// The outputs of a plan replace the previous outputs completely: the files of this kind a previous plan
/// left there (``ownedFiles(in:)``) are removed first, so no run sheet of a vehicle the new plan does not
/// use stays behind. Other files in the folder are left alone.
public enum PlanOutputs {
    /// The top-level files a plan writes.
    static let topLevelFiles = ["map.html", "plan.geojson", "kpis.json", "unassigned.csv"]
    /// The extensions of the files a plan writes into `manifests/`.
    static let manifestExtensions: Set<String> = ["csv", "html"]

    /// The files of `version` of the plan, relative to `folder`, in writing order.
    @discardableResult
    public static func write(plan: DayPlan, day: DispatchDay, graph: RoadGraph, version: Int, to folder: URL) throws -> [String] {
        let kpis = PlanKPIs(plan: plan, day: day)
        var files: [(String, String)] = [
            ("map.html", PlanMap.page(plan: plan, day: day, graph: graph, kpis: kpis, version: version)),
            ("plan.geojson", try PlanGeoJSON.make(plan: plan, day: day)),
            ("kpis.json", try kpis.json()),
            ("unassigned.csv", "order,reason\n" + plan.unassigned.map { Manifests.csvField($0.orderID) + "," + Manifests.csvField($0.reason) }
                .map { $0 + "\n" }.joined()),
            ("manifests/index.html", Manifests.index(plan: plan, day: day, version: version)),
        ]
        for run in plan.runs {
            files.append(("manifests/\(Manifests.baseName(of: run)).csv", Manifests.csv(run: run, day: day, version: version)))
            files.append(("manifests/\(Manifests.baseName(of: run)).html", Manifests.page(run: run, day: day, version: version)))
        }
        // Everything is rendered before the previous outputs go.
        for url in try ownedFiles(in: folder) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("manifests"), withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return files.map(\.0)
    }

    /// The existing files in `folder` that a plan's outputs own: the top-level files and the CSV and HTML
    /// files of `manifests/`.
    static func ownedFiles(in folder: URL) throws -> [URL] {
        let manager = FileManager.default
        let topLevel = topLevelFiles.map { folder.appendingPathComponent($0) }.filter { manager.fileExists(atPath: $0.path) }
        let manifests = folder.appendingPathComponent("manifests")
        guard manager.fileExists(atPath: manifests.path) else { return topLevel }
        let sheets = try manager.contentsOfDirectory(at: manifests, includingPropertiesForKeys: nil)
            .filter { manifestExtensions.contains($0.pathExtension.lowercased()) }
        return topLevel + sheets
    }
}
