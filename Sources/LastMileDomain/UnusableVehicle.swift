/// A vehicle of the fleet that cannot work the day, and why.
public struct UnusableVehicle: Sendable, Hashable {
    public var vehicleID: String
    public var reason: String

    public init(vehicleID: String, reason: String) {
        self.vehicleID = vehicleID
        self.reason = reason
    }
}
