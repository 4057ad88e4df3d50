/// Everything a day's plan is made from: the orders of the date, the depots with their available stock, the
/// vehicle types, the fleet with its shifts, and the carriers.
public struct DispatchDay: Sendable {
    public var date: String
    public var depots: [DepotSite]
    public var vehicleTypes: [VehicleType]
    public var vehicles: [FleetVehicle]
    public var carriers: [Carrier]
    public var orders: [Order]
    /// Every carrier's rate-card lines; a vehicle whose carrier has a card for its type is priced by it
    /// (``rateCard(for:)``), others by their vehicle type's rates.
    public var rateCardItems: [RateCardItem]

    public init(
        date: String, depots: [DepotSite], vehicleTypes: [VehicleType], vehicles: [FleetVehicle], carriers: [Carrier], orders: [Order],
        rateCardItems: [RateCardItem] = []
    ) {
        self.rateCardItems = rateCardItems
        self.date = date
        self.depots = depots
        self.vehicleTypes = vehicleTypes
        self.vehicles = vehicles
        self.carriers = carriers
        self.orders = orders
    }
}
