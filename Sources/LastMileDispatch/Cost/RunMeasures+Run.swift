import LastMileCore
import LastMileDomain
import LastMileGeo

extension RunMeasures {
    /// What `run` measured: metres driven, paid seconds (loading start to return, breaks excluded), stops,
    /// parcels, grams, and each order's great-circle distance from the run's depot (rounded to the metre).
    public init(run: DayPlan.Run, day: DispatchDay) {
        let depot = day.depots.first { $0.id == run.depotID }
        let orders = Dictionary(uniqueKeysWithValues: day.orders.map { ($0.id, $0) })
        let breakSeconds = Int64(run.breaks.reduce(0) { $0 + $1.minutes * 60 })
        self.init(
            metres: run.metres, paidSeconds: Int64(run.end.seconds - run.loadingStart.seconds) - breakSeconds, stops: Int64(run.stops.count),
            parcels: run.load.parcels, grams: run.load.grams,
            orderMetres: run.stops.map { stop in
                guard let depot, let order = orders[stop.orderID] else { return 0 }
                return Int64(Haversine.distanceMeters(depot.coordinate, order.coordinate).rounded())
            })
    }
}
