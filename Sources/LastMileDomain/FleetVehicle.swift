/// One vehicle of the fleet with its driver's shift: where it is based, who drives it for which carrier, when,
/// and the break the driver takes.
public struct FleetVehicle: Hashable, Sendable {
    public var id: String
    public var typeID: String
    public var depotID: String
    /// Where the run ends; the start depot when `nil`.
    public var endDepotID: String?
    public var carrierID: String
    public var driver: String
    public var shiftStart: TimeOfDay
    public var shiftEnd: TimeOfDay
    /// The driver's break: a duration to start inside a window; `nil` for no break.
    public var driverBreak: DriverBreakRule?
    /// The day this shift is for ("YYYY-MM-DD"); `nil` for every day without a shift of its own.
    public var date: String?

    public init(
        id: String, typeID: String, depotID: String, endDepotID: String? = nil, carrierID: String, driver: String,
        shiftStart: TimeOfDay, shiftEnd: TimeOfDay, driverBreak: DriverBreakRule? = nil, date: String? = nil
    ) {
        self.date = date
        self.id = id
        self.typeID = typeID
        self.depotID = depotID
        self.endDepotID = endDepotID
        self.carrierID = carrierID
        self.driver = driver
        self.shiftStart = shiftStart
        self.shiftEnd = shiftEnd
        self.driverBreak = driverBreak
    }
}

/// A break of `minutes` starting between `earliest` and `latest`.
public struct DriverBreakRule: Hashable, Sendable {
    public var earliest: TimeOfDay
    public var latest: TimeOfDay
    public var minutes: Int

    public init(earliest: TimeOfDay, latest: TimeOfDay, minutes: Int) {
        self.earliest = earliest
        self.latest = latest
        self.minutes = minutes
    }
}
