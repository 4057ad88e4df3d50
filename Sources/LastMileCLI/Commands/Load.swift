import ArgumentParser
import Foundation
import LastMileDispatch
import LastMileDomain
import LastMileService

/// `lastmile load KIND FILE`: depots, vehicle types, carriers, fleet or orders into the database; `load traffic
/// FILE` stores the default traffic profile of `plan`.
struct Load: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load depots, vehicle types, carriers, the fleet or orders (CSV or JSON) into the database.",
        discussion: """
            KIND is one of \(InputKind.names.joined(separator: ", ")); vroom loads the jobs of a VROOM problem file as \
            orders of --date (jobs need "location": [lon, lat]). Columns are listed in the README ("Input files"). The \
            file goes in whole or not at all: every bad row is reported with its line, column and reason, and nothing is \
            stored, unless --skip-invalid, which stores the good rows and reports the rest. Rows are matched by id: \
            loading a corrected file again updates them.

            KIND traffic stores a traffic profile (CSV or JSON, README: Traffic profiles; 'default' for the shipped \
            urban profile) as the database's default: `lastmile plan` uses it when no --traffic is given. Loading \
            another replaces it.
            """
    )

    @Argument(help: "What the file holds: \(InputKind.names.joined(separator: ", ")), or traffic.")
    var kind: String

    @Argument(help: "A .csv or .json file.")
    var file: String

    @Option(help: "For vroom: the date of the orders, YYYY-MM-DD.")
    var date: String?

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Store the valid rows and report the invalid ones instead of refusing the file.")
    var skipInvalid = false

    func validate() throws {
        guard InputKind.names.contains(kind) || kind == Self.traffic else {
            throw ValidationError("unknown kind '\(kind)': use one of \((InputKind.names + [Self.traffic]).joined(separator: ", "))")
        }
        if kind == "vroom", date == nil { throw ValidationError("loading VROOM jobs as orders needs --date YYYY-MM-DD") }
    }

    /// The kind that stores the default traffic profile.
    static let traffic = "traffic"

    func run() async throws {
        if kind == Self.traffic {
            // The profile is checked before the database is opened: a bad file leaves no new database behind.
            if file != ShippedTrafficProfile.keyword { _ = try RoadConditions.readProfile(file) }
            let service = try LastMileService.build(.init(databasePath: database.db, createsDatabase: true))
            let name = try service.loadTrafficProfile(file: file)
            print("traffic profile \(name) stored in \(database.db) as the default of lastmile plan")
            return
        }
        let input: InputKind = DispatchFile(rawValue: kind).map(InputKind.records) ?? .vroomJobs(date: date ?? "")
        // The file first: a missing or unreadable input must not leave a new, empty database behind.
        let data = try InputFile.read(file, what: "\(input.name) file")
        let service = try LastMileService.build(.init(databasePath: database.db, createsDatabase: true))
        let outcome = try service.load(input, data: data, file: file, skipInvalid: skipInvalid)
        print("\(outcome.inserted + outcome.updated) \(kind) rows loaded from \(file) into \(database.db) "
            + "(\(outcome.inserted) new, \(outcome.updated) updated)")
        for order in outcome.farOrders {
            Terminal.error("warning: order \(order.orderID) is \(Int(order.kilometres.rounded())) km from the nearest depot; check its lat/lon")
        }
        if !outcome.skipped.isEmpty {
            Terminal.error("skipped:\n" + InputReport(issues: outcome.skipped).description)
        }
    }
}
