import LastMileDomain
import Foundation
import LastMileGraph

/// Writes every output of a planned day into a folder: `map.html`, `plan.geojson`, `kpis.json`,
/// `unassigned.csv`, and `manifests/` (an index page, then a CSV and a printable page per run).
///
/// The outputs of a plan replace the previous plan's completely, and nothing else: the folder's
/// `.lastmile-outputs` lists the files the last plan wrote, and those it does not write again (the run sheet of
/// a vehicle the new plan does not use) are removed; a user's own files stay, whatever their extension. Every
/// file is written into a temporary folder beside them first and then renamed into place, so a failure while
/// writing leaves the previous outputs as they were.
public enum PlanOutputs {
    /// The file, in the output folder, that lists the files the last plan wrote (relative paths, one a line).
    static let writtenList = ".lastmile-outputs"
    /// The top-level files a plan writes.
    static let topLevelFiles = ["map.html", "plan.geojson", "kpis.json", "unassigned.csv"]

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
        let names = files.map(\.0)
        files.append((writtenList, names.map { $0 + "\n" }.joined()))

        // Inside the output folder, so that moving a file into place is a rename on the same volume.
        let manager = FileManager.default
        let staging = folder.appendingPathComponent(".lastmile-outputs-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: staging) }
        try manager.createDirectory(at: staging.appendingPathComponent("manifests"), withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: staging.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        // Nothing of the previous outputs changes before every file is written and every place can take its file.
        let previous = try previouslyWritten(in: folder)
        for (name, _) in files {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: folder.appendingPathComponent(name).path])
            }
        }
        try manager.createDirectory(at: folder.appendingPathComponent("manifests"), withIntermediateDirectories: true)
        for (name, _) in files {
            let source = staging.appendingPathComponent(name), target = folder.appendingPathComponent(name)
            guard rename(source.path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path,
                                                               NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
            }
        }
        for name in previous where !names.contains(name) {
            try manager.removeItem(at: folder.appendingPathComponent(name))
        }
        return names
    }

    /// The files the last plan wrote into `folder` that are still there, as its ``writtenList`` names them;
    /// only names of the shape this writer gives (a top-level output, or a file directly in `manifests/`) count,
    /// so an edited list cannot remove anything else.
    static func previouslyWritten(in folder: URL) throws -> [String] {
        let list = folder.appendingPathComponent(writtenList)
        guard FileManager.default.fileExists(atPath: list.path) else { return [] }
        return try String(contentsOf: list, encoding: .utf8).split(separator: "\n").map(String.init).filter { name in
            let isOutput = topLevelFiles.contains(name)
                || (name.hasPrefix("manifests/") && !name.dropFirst("manifests/".count).contains("/") && !name.hasPrefix("manifests/."))
            return isOutput && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path)
        }
    }
}
