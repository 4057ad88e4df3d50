/// What one re-optimisation covers: the running vehicles (positions in `LiveState.vehicles`, ascending) and the
/// open orders (positions in `LiveState.openOrders`, ascending) it may change. Everything else keeps its route.
public struct LiveScope: Hashable, Sendable {
    public var vehicles: [Int]
    public var openOrders: [Int]

    public init(vehicles: [Int], openOrders: [Int]) {
        self.vehicles = vehicles
        self.openOrders = openOrders
    }
}
