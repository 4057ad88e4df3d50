import LastMileCore
import LastMileDomain
import LastMileGraph
import LastMileModel
import LastMileRouting

/// A day laid on the roads, once per plan: depots and orders snapped to each road network and the travel
/// matrices (seconds, metres) between them. Stock-repair rounds only change which depots an order may use, so
/// they reuse it.
///
/// Locations: depot `d` is location `d`; then come the orders that could be placed on some network's road, in
/// day order. Profile 0 is the car network; profile 1, when a bicycle network is given, serves cargo bikes.
/// Pairs a network cannot connect get ``unreachable`` in its matrix. With a ``DayTraffic`` the car profile
/// also carries time-dependent travel from the earliest shift start to the latest shift end.
struct DayGeometry {
    /// Matrix entry for a pair a network cannot connect: far beyond any shift.
    static let unreachable: Int64 = 1_000_000_000

    /// The order at each location after the depots: location `depotCount + k` is order `locatedOrders[k]`.
    let locatedOrders: [OrderIndex]
    let depotCount: Int
    /// Orders left out before solving (address off every road), with the reason.
    let rejected: [RejectedOrder]
    /// `positions[profile][location]`: where the location lies on that network, `nil` when it cannot be placed.
    let positions: [[RoadPosition?]]
    /// One travel profile per network, over every location.
    let profiles: [TravelProfile]

    var locationCount: Int { depotCount + locatedOrders.count }

    /// The location of depot `depot`.
    func location(of depot: DepotIndex) -> LocationIndex { LocationIndex(depot.position) }

    /// The depot at `location`, `nil` for an order's location.
    func depot(at location: LocationIndex) -> DepotIndex? {
        location.position < depotCount ? DepotIndex(location.position) : nil
    }

    /// The location of the `k`-th located order.
    func location(ofLocated k: Int) -> LocationIndex { LocationIndex(depotCount + k) }

    /// Snaps `day`'s depots and orders to every network and computes one matrix per network, and with
    /// `traffic` the car network's time-dependent travel for the fleet's working hours.
    ///
    /// - Throws: ``DispatchError/depotOffRoad(_:_:)`` when a depot is not near a road of the car network; what
    ///   `traffic` throws.
    init(day: DispatchDay, networks: [RoadNetwork], traffic: (any DayTraffic)? = nil) throws {
        depotCount = day.depots.count
        let names = day.depots.map { "depot \($0.id)" } + day.orders.map { "order \($0.id)" }
        let coordinates = day.depots.map(\.coordinate) + day.orders.map(\.coordinate)
        let snapped = try networks.map { network in
            try network.snapper.snap(coordinates, names: names).map { try? $0.get() }
        }
        for k in 0..<depotCount where snapped[0][k] == nil {
            throw DispatchError.depotOffRoad(day.depots[k].id, "more than \(Int(Snapper.defaultMaxDistance)) m from every drivable road of the map")
        }
        var rejected: [RejectedOrder] = []
        var located: [OrderIndex] = []
        var kept = Array(0..<depotCount)  // indices into `coordinates` of the locations
        for order in OrderIndex.all(day.orders.count) {
            let k = depotCount + order.position
            if snapped.contains(where: { $0[k] != nil }) {
                located.append(order)
                kept.append(k)
            } else {
                rejected.append(RejectedOrder(
                    order: order, reason: "its address is more than \(Int(Snapper.defaultMaxDistance)) m from any usable road"))
            }
        }
        let n = kept.count
        var positions: [[RoadPosition?]] = []
        var profiles: [TravelProfile] = []
        for (index, network) in networks.enumerated() {
            let placed = kept.map { snapped[index][$0].map(RoadPosition.init) }
            let present = placed.indices.filter { placed[$0] != nil }
            let matrix = network.engine.matrix(sources: present.map { placed[$0]! }, targets: present.map { placed[$0]! })
            var time = [Int64](repeating: Self.unreachable, count: n * n), distance = time
            for (a, i) in present.enumerated() {
                for (b, j) in present.enumerated() {
                    guard let entry = matrix[a, b] else { continue }
                    time[i * n + j] = Int64((entry.time + 999) / 1000)
                    distance[i * n + j] = Int64((entry.length + 500) / 1000)
                }
            }
            positions.append(placed)
            profiles.append(TravelProfile(name: network.graph.profileName, time: time, distance: distance))
        }
        if let traffic, let first = day.vehicles.map(\.shiftStart.seconds).min(), let last = day.vehicles.map(\.shiftEnd.seconds).max() {
            let minutes = first / 60..<max(first / 60 + 1, (last + 59) / 60)
            profiles[0].timeDependent = try traffic.travel(on: networks[0].graph, date: day.date, between: positions[0], minutes: minutes)
        }
        self.locatedOrders = located
        self.rejected = rejected
        self.positions = positions
        self.profiles = profiles
    }
}

/// An order left out of the problem before solving, and why.
struct RejectedOrder {
    let order: OrderIndex
    let reason: String
}
