import LastMileCore

/// What a vehicle's route costs beyond its arcs when the driver is paid by the hour (a carrier's rate card):
/// every time unit of the route's *paid duration* at `costPerTime`, and every time unit beyond
/// `overtimeAfter` at `overtimeExtraPerTime` on top; the variable part of a route (arcs plus paid time) costs
/// at least `minimumRouteCost`.
///
/// The paid duration is the time from the start of loading to the return, waiting included, less the breaks
/// (a driver's break is unpaid), when loading starts as late as it can without bringing the vehicle back
/// later: a run sheet's ``RouteSchedule`` with `leavingAsLateAsHelps` (the checker recomputes it on its own).
/// A break taken while the driver would otherwise wait at a door shortens it. The price is convex and
/// piecewise linear in the duration (the overtime rate is never lower than the normal one), so minimising it
/// never rewards a longer route. All figures are in the problem's integer units.
public struct PaidTime: Hashable, Sendable {
    /// Cost units per time unit of paid duration.
    public var costPerTime: Int64
    /// Time units of paid duration after which overtime is paid.
    public var overtimeAfter: Int64
    /// Cost units per time unit of overtime, on top of `costPerTime`; `>= 0`.
    public var overtimeExtraPerTime: Int64
    /// The least a used route costs, arcs plus paid time, cost units (0: no minimum). The fixed cost is on top.
    public var minimumRouteCost: Int64

    public init(costPerTime: Int64, overtimeAfter: Int64 = Int64.max / 4, overtimeExtraPerTime: Int64 = 0, minimumRouteCost: Int64 = 0) {
        precondition(costPerTime >= 0 && overtimeExtraPerTime >= 0 && overtimeAfter >= 0 && minimumRouteCost >= 0,
                     "paid time rates, the overtime threshold and the minimum are never negative")
        self.costPerTime = costPerTime
        self.overtimeAfter = overtimeAfter
        self.overtimeExtraPerTime = overtimeExtraPerTime
        self.minimumRouteCost = minimumRouteCost
    }

    /// The variable cost of a used route: `max(minimumRouteCost, travelCost + paid time)`, cost units.
    @inlinable public func routeCost(travelCost: Int64, duration: Int64) -> Int64 {
        let overtime = duration > overtimeAfter ? duration - overtimeAfter : 0
        return max(minimumRouteCost, travelCost + costPerTime * duration + overtimeExtraPerTime * overtime)
    }
}
