import LastMileCore
import LastMileDomain
import LastMileGeo

/// The cost and emissions report of a stored plan: per run the hours, stops, parcels, punctuality, the
/// carrier's charge by component and CO₂e, with totals per vehicle type, depot and carrier.
///
/// Hours come from the stored run: service from each stop's start to its departure, driving as stored,
/// waiting the rest of the time out without breaks (at doors and before a break's window; for plans stored
/// without drive time, the time between arriving and starting service, driving the rest), paid time
/// from the start of loading (departure minus the depot's loading time) to the return without breaks, and
/// overtime the paid time beyond the card's threshold. A run of a vehicle whose carrier has no card for its
/// type is charged the stored cost as its only ("fixed") component. CO₂e per run is well-to-wheel
/// (``VehicleType/wellToWheelGrams(metres:)``); an order's share is its weight × depot-to-door great-circle
/// distance over the run's total (GLEC's tonne-km allocation), equal shares when every weight is 0.
public struct PlanReport: Sendable {
    /// One run's figures.
    public struct Line: Sendable {
        public var vehicleID: String
        public var typeID: String
        public var carrierID: String
        public var depotID: String
        public var metres: Int64
        public var driveSeconds: Int64
        public var serviceSeconds: Int64
        public var waitSeconds: Int64
        public var paidSeconds: Int64
        public var overtimeSeconds: Int64
        public var stops: Int64
        public var parcels: Int64
        public var onTimeStops: Int64
        public var charge: RunCharge
        public var co2eGrams: Int64

        /// The sum of `lines` labelled `label` (in the vehicle column).
        static func total(_ label: String, _ lines: [Line]) -> Line {
            var sum = Line(vehicleID: label, typeID: "", carrierID: "", depotID: "", metres: 0, driveSeconds: 0, serviceSeconds: 0,
                           waitSeconds: 0, paidSeconds: 0, overtimeSeconds: 0, stops: 0, parcels: 0, onTimeStops: 0, charge: RunCharge(), co2eGrams: 0)
            for line in lines {
                sum.metres += line.metres
                sum.driveSeconds += line.driveSeconds
                sum.serviceSeconds += line.serviceSeconds
                sum.waitSeconds += line.waitSeconds
                sum.paidSeconds += line.paidSeconds
                sum.overtimeSeconds += line.overtimeSeconds
                sum.stops += line.stops
                sum.parcels += line.parcels
                sum.onTimeStops += line.onTimeStops
                sum.charge = sum.charge + line.charge
                sum.co2eGrams += line.co2eGrams
            }
            return sum
        }
    }

    /// One served order's cost (its run's charge shared by stops) and CO₂e share.
    public struct OrderShare: Sendable {
        public var orderID: String
        public var carrierID: String
        public var depotID: String
        public var cost: Cents
        public var co2eGrams: Int64
    }

    public var date: String
    public var version: Int
    public var runs: [Line]
    public var byVehicleType: [Line]
    public var byDepot: [Line]
    public var byCarrier: [Line]
    /// Per carrier, what its day minimum adds on top of its runs.
    public var dayMinimumTopUps: [(carrierID: String, amount: Cents)]
    public var total: Line
    public var orders: [OrderShare]
    /// Depots and stops for the map thumbnail: per run, the depot then its stops in order.
    public var paths: [(carrierID: String, depotID: String, points: [Coordinate])]

    public var totalCost: Cents { Cents(total.charge.total.rawValue + dayMinimumTopUps.reduce(0) { $0 + $1.amount.rawValue }) }

    /// Only the runs of `carrierID` (a carrier key sees its own figures, nothing of the others).
    public func restricted(to carrierID: String) -> PlanReport {
        restricted { _, carrier in carrier == carrierID }
    }

    /// Only the runs (and their orders) for which `isVisible(depotID, carrierID)` holds, regrouped; a
    /// carrier's day minimum is kept when one of its runs is.
    public func restricted(_ isVisible: (_ depotID: String, _ carrierID: String) -> Bool) -> PlanReport {
        var report = self
        report.runs = runs.filter { isVisible($0.depotID, $0.carrierID) }
        report.orders = orders.filter { isVisible($0.depotID, $0.carrierID) }
        report.paths = paths.filter { isVisible($0.depotID, $0.carrierID) }
        let carriers = Set(report.runs.map(\.carrierID))
        report.dayMinimumTopUps = dayMinimumTopUps.filter { carriers.contains($0.carrierID) }
        report.regroup()
        return report
    }

    public init(plan: StoredPlan, day: DispatchDay) {
        date = plan.version.date
        version = plan.version.version
        let fleet = Dictionary(day.vehicles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let types = Dictionary(uniqueKeysWithValues: day.vehicleTypes.map { ($0.id, $0) })
        let depots = Dictionary(uniqueKeysWithValues: day.depots.map { ($0.id, $0) })
        let orderOf = Dictionary(uniqueKeysWithValues: day.orders.map { ($0.id, $0) })
        var lines: [Line] = []
        var shares: [OrderShare] = []
        var paths: [(String, String, [Coordinate])] = []
        for run in plan.runs {
            let vehicle = fleet[run.vehicleID]
            let type = vehicle.flatMap { types[$0.typeID] }
            let depot = depots[run.depotID]
            let loadingSeconds = Int64(depot?.loadingSeconds ?? 0)
            let breakSeconds = Int64(run.breaks.reduce(0) { $0 + $1.minutes * 60 })
            var wait: Int64 = 0, service: Int64 = 0, onTime: Int64 = 0, parcels: Int64 = 0, grams: Int64 = 0
            for stop in run.stops {
                wait += Int64(stop.serviceStart.seconds - stop.arrival.seconds)
                service += Int64(stop.departure.seconds - stop.serviceStart.seconds)
                if let order = orderOf[stop.orderID] {
                    if order.windowStart <= stop.serviceStart && stop.serviceStart <= order.windowEnd { onTime += 1 }
                    parcels += order.load.parcels
                    grams += order.load.grams
                }
            }
            // Waiting is all time out that is neither driving, service nor a break (at doors and before breaks),
            // as the day's KPIs count it; plans stored before drive time was kept count legs between stops as driving.
            let away = Int64(run.end.seconds - run.departure.seconds) - service - breakSeconds
            let drive = run.driveSeconds ?? (away - wait)
            if run.driveSeconds != nil { wait = away - drive }
            let paid = Int64(run.end.seconds - run.departure.seconds) + loadingSeconds - breakSeconds
            let doorMetres = run.stops.map { stop -> Int64 in
                guard let depot, let order = orderOf[stop.orderID] else { return 0 }
                return Int64(Haversine.distanceMeters(depot.coordinate, order.coordinate).rounded())
            }
            let card = vehicle.flatMap { day.rateCard(for: $0) }
            var charge = RunCharge()
            var overtime: Int64 = 0
            if let card {
                charge = card.charge(RunMeasures(metres: run.metres, paidSeconds: paid, stops: Int64(run.stops.count), parcels: parcels,
                                                 grams: grams, orderMetres: doorMetres))
                overtime = card.overtimeAfterSeconds.map { max(0, paid - $0) } ?? 0
            } else {
                charge.fixed = run.cost
            }
            let co2e = type?.wellToWheelGrams(metres: run.metres) ?? 0
            let carrier = vehicle?.carrierID ?? ""
            lines.append(Line(
                vehicleID: run.vehicleID, typeID: vehicle?.typeID ?? "", carrierID: carrier, depotID: run.depotID, metres: run.metres,
                driveSeconds: drive, serviceSeconds: service, waitSeconds: wait, paidSeconds: paid, overtimeSeconds: overtime,
                stops: Int64(run.stops.count), parcels: parcels, onTimeStops: onTime, charge: charge, co2eGrams: co2e))
            // Allocation weights: weight × depot-to-door distance (tonne-km), equal when all are 0.
            let weights = zip(run.stops, doorMetres).map { stop, metres in (orderOf[stop.orderID]?.load.grams ?? 0) * max(metres, 1) }
            let weightSum = weights.reduce(0, +)
            let costShares = Self.apportion(charge.total.rawValue, weights: Array(repeating: 1, count: run.stops.count))
            let co2Shares = Self.apportion(co2e, weights: weightSum > 0 ? weights : Array(repeating: 1, count: run.stops.count))
            for (k, stop) in run.stops.enumerated() {
                shares.append(OrderShare(orderID: stop.orderID, carrierID: carrier, depotID: run.depotID, cost: Cents(costShares[k]), co2eGrams: co2Shares[k]))
            }
            paths.append((carrier, run.depotID, [depot?.coordinate].compactMap { $0 } + run.stops.compactMap { orderOf[$0.orderID]?.coordinate }))
        }
        runs = lines
        orders = shares
        self.paths = paths
        var topUps: [(String, Cents)] = []
        for carrier in Set(lines.map(\.carrierID)).sorted() {
            let runsTotal = Cents(lines.filter { $0.carrierID == carrier }.reduce(0) { $0 + $1.charge.total.rawValue })
            if let card = day.dayMinimumCard(of: carrier), card.dayTopUp(runsTotal: runsTotal) > .zero {
                topUps.append((carrier, card.dayTopUp(runsTotal: runsTotal)))
            }
        }
        dayMinimumTopUps = topUps
        byVehicleType = []
        byDepot = []
        byCarrier = []
        total = Line.total("total", [])
        regroup()
    }

    private mutating func regroup() {
        func grouped(_ key: (Line) -> String) -> [Line] {
            Set(runs.map(key)).sorted().map { value in Line.total(value, runs.filter { key($0) == value }) }
        }
        byVehicleType = grouped(\.typeID)
        byDepot = grouped(\.depotID)
        byCarrier = grouped(\.carrierID)
        total = Line.total("total", runs)
    }

    /// `amount` split in integers proportionally to `weights` (largest remainders, ties to the earlier), summing
    /// exactly to `amount`.
    static func apportion(_ amount: Int64, weights: [Int64]) -> [Int64] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        var shares = weights.map { amount * $0 / sum }
        let remainders = weights.map { amount * $0 % sum }
        var left = amount - shares.reduce(0, +)
        for k in remainders.indices.sorted(by: { (remainders[$0], -$0) > (remainders[$1], -$1) }) where left > 0 {
            shares[k] += 1
            left -= 1
        }
        return shares
    }
}
