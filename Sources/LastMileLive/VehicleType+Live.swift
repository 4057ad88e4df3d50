import LastMileDomain

extension VehicleType {
    /// Share of the car network's speed the vehicle drives on the live matrix (which is the car network): its
    /// type's speed factor, times 0.55 for cargo bikes, as the planner rides bikes on car roads without a
    /// bicycle network.
    var liveSpeedFactor: Double { speedFactor * (mode == .bike ? 0.55 : 1) }
}
