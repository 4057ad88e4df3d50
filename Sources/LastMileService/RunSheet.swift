import LastMileCore
import LastMileDispatch
import LastMileDomain

/// A run's sheet for its driver, from the stored plan: the printable page or the CSV that `lastmile plan` writes
/// into its output folder, with what decides who may read it.
public struct RunSheet: Sendable {
    /// The formats of a run sheet.
    public enum Format: String, Sendable, CaseIterable {
        /// A self-contained printable page.
        case html
        /// One row per stop and break (`Manifests.csv`).
        case csv
    }

    public var text: String
    public var format: Format
    public var planVersion: Int
    public var depotID: String
    public var carrierID: String
}

extension LastMileService {
    /// The sheet of `vehicleID`'s run in `date`'s active plan, or `nil` when that plan has no run of the vehicle.
    ///
    /// - Throws: ``LastMileError``: bad input when the date has no plan; check failed when the day's records
    ///   no longer hold the run's vehicle, type or orders.
    public func runSheet(date: String, vehicleID: String, format: RunSheet.Format) throws(LastMileError) -> RunSheet? {
        let plan = try storedPlan(date: date)
        guard let stored = plan.runs.first(where: { $0.vehicleID == vehicleID }) else { return nil }
        let day = try dispatchDay(date: date)
        guard let run = DayPlan.Run(stored: stored, day: day) else {
            throw LastMileError(.checkFailed, "the day's records no longer hold run \(vehicleID)'s vehicle, type or orders",
                                hint: "the fleet or orders of \(date) changed after planning; plan the date again")
        }
        let version = plan.version.version
        let text = switch format {
        case .html: Manifests.page(run: run, day: day, version: version)
        case .csv: Manifests.csv(run: run, day: day, version: version)
        }
        return RunSheet(text: text, format: format, planVersion: version, depotID: run.depotID, carrierID: run.carrierID)
    }
}
