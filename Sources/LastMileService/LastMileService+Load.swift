import Foundation
import LastMileCore
import LastMileDispatch
import LastMileDomain
import LastMileStore

/// What loading a file did.
public struct LoadOutcome: Sendable {
    /// Rows whose id was new, and rows that replaced stored ones.
    public var inserted: Int
    public var updated: Int
    /// Rows left out (only with `skipInvalid`), each with its line, column and reason.
    public var skipped: [InputIssue]
    /// Loaded orders far outside the depots' area (most likely a wrong coordinate), nearest depot distance in km.
    public var farOrders: [FarOrder]
}

extension LastMileService {
    /// Loads `file` (CSV or JSON) into the database, all or nothing: any bad row refuses the whole file with
    /// every issue listed, unless `skipInvalid`, which stores the good rows and returns the others.
    ///
    /// - Throws: ``LastMileError`` (bad input) for a missing or unreadable file or bad rows.
    public func load(_ kind: InputKind, file: String, skipInvalid: Bool = false) throws(LastMileError) -> LoadOutcome {
        try load(kind, data: InputFile.read(file, what: "\(kind.name) file"), file: file, skipInvalid: skipInvalid)
    }

    /// Loads the bytes of an input file already read (see ``InputFile``); `file` names it in messages.
    public func load(_ kind: InputKind, data: Data, file: String, skipInvalid: Bool = false) throws(LastMileError) -> LoadOutcome {
        let summary = try reportingErrors {
            switch kind {
            case .records(let records): return try store.importFile(records, data: data, file: file, skipInvalid: skipInvalid)
            case .vroomJobs(let date):
                let parsed = try VroomOrders.read(data, file: file, date: date)
                return try store.importOrders(
                    parsed.records, issues: parsed.issues, kind: "orders (VROOM jobs)", file: file, numberedByRecord: true, skipInvalid: skipInvalid)
            }
        }
        let far = kind == .records(.orders) ? try farOrders(in: data, file: file) : []
        return LoadOutcome(inserted: summary.inserted, updated: summary.updated, skipped: summary.skipped, farOrders: far)
    }

    /// The orders of an orders file that lie far outside the stored depots' area (``FarOrder``).
    private func farOrders(in data: Data, file: String) throws(LastMileError) -> [FarOrder] {
        let depots = try reportingErrors { try store.depots() }
        // The file was just stored, so it reads; rows skipped with `skipInvalid` are left out here too.
        let orders = try reportingErrors { try DispatchFile.orders.read(data, file: file, as: DispatchRecords.order).records.map(\.record) }
        return FarOrder.find(orders: orders, depots: depots)
    }
}
