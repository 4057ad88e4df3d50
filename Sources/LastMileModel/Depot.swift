import LastMileCore

/// A micro-fulfillment center or dark store vehicles leave from: where, when it is open, and how long loading
/// a vehicle takes there.
public struct Depot: Hashable, Sendable {
    public var id: String
    public var location: LocationIndex
    /// Vehicles start loading and return within these hours.
    public var opening: TimeWindow
    /// Time units spent loading each vehicle before it leaves.
    public var loadingTime: Int64

    public init(id: String, location: LocationIndex, opening: TimeWindow, loadingTime: Int64) {
        self.id = id
        self.location = location
        self.opening = opening
        self.loadingTime = loadingTime
    }

    /// `vehicle` based here (and returning to `end`, this depot when `nil`): its shift narrowed to the opening
    /// hours and its loading time set; `nil` when the shift and the opening hours do not overlap.
    public func base(_ vehicle: Vehicle, returningTo end: Depot? = nil) -> Vehicle? {
        let end = end ?? self
        guard let shift = vehicle.shift.intersection(TimeWindow(earliest: opening.earliest, latest: end.opening.latest)) else {
            return nil
        }
        var based = vehicle
        based.startLocation = location
        based.endLocation = end.location
        based.shift = shift
        based.loadingTime = loadingTime
        return based
    }
}
