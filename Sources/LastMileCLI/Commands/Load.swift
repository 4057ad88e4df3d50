import ArgumentParser
import Foundation
import LastMileDispatch
import LastMileStore

/// `lastmile load KIND FILE`: depots, vehicle types, carriers, fleet or orders into the database.
struct Load: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load depots, vehicle types, carriers, the fleet or orders (CSV or JSON) into the database.",
        discussion: """
            KIND is one of \(DispatchFile.allCases.map(\.rawValue).joined(separator: ", ")), or vroom for the jobs of a VROOM \
            problem file as orders of --date (jobs need "location": [lon, lat]). Columns are listed in the README \
            ("Input files"). The file goes in whole or not at all: every bad row is reported with its line, column and \
            reason, and nothing is stored, unless --skip-invalid, which stores the good rows and reports the rest. \
            Rows are matched by id: loading a corrected file again updates them.
            """
    )

    @Argument(help: "What the file holds: \(DispatchFile.allCases.map(\.rawValue).joined(separator: ", ")), vroom.")
    var kind: String

    @Option(help: "For vroom: the date of the orders, YYYY-MM-DD.")
    var date: String?

    @Argument(help: "A .csv or .json file.")
    var file: String

    @Option(help: "The database.")
    var db: String = "lastmile.sqlite"

    @Flag(help: "Store the valid rows and report the invalid ones instead of refusing the file.")
    var skipInvalid = false

    func run() async throws {
        let fileKind = DispatchFile(rawValue: kind)
        guard fileKind != nil || kind == "vroom" else {
            throw ValidationError("unknown kind '\(kind)': use one of \(DispatchFile.allCases.map(\.rawValue).joined(separator: ", ")), vroom")
        }
        if kind == "vroom", date == nil { throw ValidationError("loading VROOM jobs as orders needs --date YYYY-MM-DD") }
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let store = try Store(path: db)
        do {
            let summary = try fileKind.map { try store.importFile($0, data: data, file: file, skipInvalid: skipInvalid) }
                ?? store.importVroomOrders(data: data, file: file, date: date!, skipInvalid: skipInvalid)
            print("\(summary.imported) \(kind) rows loaded from \(file) into \(db)")
            if !summary.skipped.isEmpty {
                FileHandle.standardError.write(Data(("skipped:\n" + InputReport(issues: summary.skipped).description + "\n").utf8))
            }
        } catch let report as InputReport {
            FileHandle.standardError.write(Data(("\(file) was not loaded (nothing stored):\n\(report)\n"
                + "fix these rows, or pass --skip-invalid to load the others\n").utf8))
            throw ExitCode(2)
        }
    }
}
