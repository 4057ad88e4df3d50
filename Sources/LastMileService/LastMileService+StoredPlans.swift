import LastMileCore
import LastMileDomain
import LastMileStore

extension LastMileService {
    /// Every stored version of `date`, oldest first.
    public func planVersions(date: String) throws(LastMileError) -> [PlanVersion] {
        try reportingErrors { try store.planVersions(date: date) }
    }

    /// Version `version` of `date` (the active one when `nil`) as stored.
    ///
    /// - Throws: ``LastMileError`` (bad input) when there is no such version.
    public func storedPlan(date: String, version: Int? = nil) throws(LastMileError) -> StoredPlan {
        guard let plan = try reportingErrors({ try store.storedPlan(date: date, version: version) }) else {
            let which = version.map { "version \($0) of \(date)" } ?? "active plan for \(date)"
            throw LastMileError(.badInput, "no \(which) in the database", at: ErrorLocation(file: store.path),
                                hint: "plan the date first (lastmile plan --date \(date))")
        }
        return plan
    }
}

extension LastMileService {
    /// The carrier of every vehicle of the fleet, by vehicle id (for scoping what a key may read).
    public func vehicleCarriers() throws(LastMileError) -> [String: String] {
        try reportingErrors { try store.vehicleCarriers() }
    }

    /// The version number of `date`'s active plan.
    ///
    /// - Throws: ``LastMileError`` (bad input) when the date has no plan, as ``storedPlan(date:version:)``.
    public func activePlanVersion(date: String) throws(LastMileError) -> Int {
        guard let version = try reportingErrors({ try store.activePlanVersion(date: date) }) else {
            throw LastMileError(.badInput, "no active plan for \(date) in the database", at: ErrorLocation(file: store.path),
                                hint: "plan the date first (lastmile plan --date \(date))")
        }
        return version
    }
}

extension LastMileService {
    /// The day of `date` as the database holds it: depots with their available stock, the fleet, the orders.
    public func dispatchDay(date: String) throws(LastMileError) -> DispatchDay {
        try reportingErrors { try store.day(date) }
    }
}
