import LastMileCore
import LastMileGraph

/// A traffic profile and service times learned from a ``StopLog``, with their prediction errors on held-out
/// days before (free flow; the global mean service time) and after the fit.
///
/// **Travel**: a leg's free-flow route is split by road group (``LegRoads``); its travel time is modelled as
/// `Σ_g t_g × x_g` with `x_g` = 1 / speed factor of group `g` (arterial, collector, local; ferries fixed) in the
/// leg's departure slice and day type (weekdays, weekend). Per day type and slice, `x` minimises
/// `Σ_legs (observed − Σ_g t_g x_g)² + Σ_g λ_g (x_g − 1)²` with `λ_g = ridge × Σ_legs t_g²` (shrinkage toward
/// free flow in proportion to what the group was observed, so little-driven groups are not swamped by the
/// main roads; a group a slice never drove stays at free flow). Factors are clamped to 0.05…1.5.
/// **Service**: per customer `(Σ observed + k × global mean) / (n + k)` with `k` = ``serviceShrinkage``.
public struct TrafficFit: Sendable {
    /// Weight of the global mean in a customer's service time, in observations.
    public static let serviceShrinkage = 3.0
    static let groups = ["arterial", "collector", "local"]

    /// The fitted profile as JSON (``TrafficProfileReader`` format).
    public var profileJSON: String
    public var profile: TrafficProfile
    /// Customer → (seconds, observations), sorted by customer.
    public var serviceTimes: [(customer: String, seconds: Int, observations: Int)]
    public var trainingLegs: Int, heldOutLegs: Int, heldOutDays: [CivilDate]
    /// Training legs per slice: weekday slices 0 ..< 96, then weekend slices.
    public var legsPerSlice: [Int]
    /// Standard error of each fitted factor relative to the factor, per slice (as ``legsPerSlice``) and road
    /// group (arterial, collector, local), from the residual variance and the regularised normal matrix; 9.99 where
    /// a slice has fewer than 4 legs. Written as `relative_error` in the JSON: how far to trust each factor.
    public var relativeError: [[Double]]
    /// Absolute errors on held-out legs and stops, s.
    public var travelBefore: ErrorSummary, travelAfter: ErrorSummary
    public var serviceBefore: ErrorSummary, serviceAfter: ErrorSummary

    /// Mean and 90th percentile of absolute errors.
    public struct ErrorSummary: Sendable {
        public var mae: Double, p90: Double

        init(_ errors: [Double]) {
            let sorted = errors.map(abs).sorted()
            mae = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
            p90 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.9).rounded(.up)) - 1)]
        }
    }
}

extension RoadQueries {
    /// Fits ``TrafficFit`` on every day of `log` but the last `holdoutDays` (by date), which measure the errors.
    ///
    /// - Throws: ``LastMileError`` (bad input) for too few days; (routing data) for stops far from every road.
    public func fitTraffic(_ log: StopLog, holdoutDays: Int = 5, ridge: Double = 0.01) throws(LastMileError) -> TrafficFit {
        let days = Array(Set(log.stops.map(\.day))).sorted()
        guard days.count > holdoutDays, holdoutDays >= 1 else {
            throw LastMileError(.badInput, "the stop log has \(days.count) days; fitting needs more than the \(holdoutDays) held out")
        }
        let heldOut = Set(days.suffix(holdoutDays))
        var points = PointsFile()
        for (index, stop) in log.stops.enumerated() {
            points.ids.append("\(index)")
            points.names.append("stop \(index + 2) (line \(index + 2))")
            points.coordinates.append(stop.coordinate)
        }
        let located = try snapEvery(points, maxDistance: Snapper.defaultMaxDistance)
        let router = LegRouter(graph: graph)
        let legs = log.legs.compactMap { leg -> (roads: LegRoads, stop: StopLog.Stop, departure: Int, observed: Double)? in
            guard let roads = router.roads(from: located[leg.from], to: located[leg.to]) else { return nil }
            let stop = log.stops[leg.to], departure = log.stops[leg.from].actualDeparture
            return (roads, stop, departure, Double(stop.actualArrival - departure))
        }
        let training = legs.filter { !heldOut.contains($0.stop.day) }, test = legs.filter { heldOut.contains($0.stop.day) }

        // Normal equations per (day type, slice): A x = b over the three groups.
        let sliceSeconds = TrafficProfile.sliceMinutes * 60
        var a = [[Double]](repeating: [Double](repeating: 0, count: 9), count: 2 * TrafficProfile.slicesPerDay)
        var b = [[Double]](repeating: [Double](repeating: 0, count: 3), count: 2 * TrafficProfile.slicesPerDay)
        var legsPerSlice = [Int](repeating: 0, count: 2 * TrafficProfile.slicesPerDay)
        var squares = [Double](repeating: 0, count: 2 * TrafficProfile.slicesPerDay)
        var relativeError = [[Double]](repeating: [9.99, 9.99, 9.99], count: 2 * TrafficProfile.slicesPerDay)
        for leg in training {
            let key = (leg.stop.day.weekday.rawValue >= 5 ? 1 : 0) * TrafficProfile.slicesPerDay + min(leg.departure / sliceSeconds, TrafficProfile.slicesPerDay - 1)
            let t = leg.roads.groupTimes(TrafficFit.groups).map { $0 / 1000 }
            let fixed = leg.roads.classTime[Int(RoadClass.ferry.rawValue)] / 1000
            legsPerSlice[key] += 1
            squares[key] += (leg.observed - fixed) * (leg.observed - fixed)
            for i in 0..<3 {
                b[key][i] += t[i] * (leg.observed - fixed)
                for j in 0..<3 { a[key][i * 3 + j] += t[i] * t[j] }
            }
        }
        var periods: [String] = ["{\"days\":\"all\",\"start\":\"00:00\",\"end\":\"24:00\",\"road\":\"ferry\",\"speed_factor\":1}"]
        for key in 0..<a.count {
            var system = a[key], rhs = b[key]
            for i in 0..<3 {
                let lambda = ridge * a[key][i * 3 + i] + 1e-9
                system[i * 3 + i] += lambda
                rhs[i] += lambda
            }
            let x = solve3(system, rhs)
            if legsPerSlice[key] >= 4 {
                // Residual variance σ² = (Σy² − 2 xᵀb + xᵀAx) / (n − 3); Var(x_g) ≈ σ² [(A + Λ)⁻¹]_gg.
                var residual = squares[key]
                for i in 0..<3 {
                    residual -= 2 * x[i] * b[key][i]
                    for j in 0..<3 { residual += x[i] * a[key][i * 3 + j] * x[j] }
                }
                let variance = max(0, residual) / Double(legsPerSlice[key] - 3)
                for g in 0..<3 {
                    let inverse = solve3(system, (0..<3).map { $0 == g ? 1 : 0 })[g]
                    relativeError[key][g] = min(9.99, (variance * inverse).squareRoot() / max(x[g], 1e-3))
                }
            }
            let slice = key % TrafficProfile.slicesPerDay
            for (g, (group, multiplier)) in zip(TrafficFit.groups, x).enumerated() {
                let factor = min(1500, max(50, Int((1000 / max(multiplier, 1e-3)).rounded())))
                let error = FixedPoint.string(relativeError[key][g], decimals: 4)
                periods.append("{\"days\":\"\(key < TrafficProfile.slicesPerDay ? "weekdays" : "weekend")\",\"start\":\"\(clock(slice))\","
                    + "\"end\":\"\(clock(slice + 1))\",\"road\":\"\(group)\",\"speed_factor\":\(Double(factor) / 1000),\"relative_error\":\(error)}")
            }
        }
        let json = "{\"name\":\"fitted\",\"periods\":[\n" + periods.joined(separator: ",\n") + "\n]}\n"
        let profile = try reportingErrors { try TrafficProfileReader.parseJSON(json, name: "fitted profile") }

        // Service times with shrinkage toward the global mean.
        let services = log.stops.filter { $0.customer != nil && !heldOut.contains($0.day) }
        let globalMean = services.isEmpty ? 0 : Double(services.reduce(0) { $0 + $1.actualDeparture - $1.actualArrival }) / Double(services.count)
        var sums: [String: (total: Double, count: Int)] = [:]
        for stop in services { sums[stop.customer!, default: (0, 0)].total += Double(stop.actualDeparture - stop.actualArrival); sums[stop.customer!]!.count += 1 }
        let k = TrafficFit.serviceShrinkage
        let shrunk = sums.mapValues { ($0.total + k * globalMean) / (Double($0.count) + k) }
        let testStops = log.stops.filter { $0.customer != nil && heldOut.contains($0.day) }

        func travelErrors(_ profile: TrafficProfile) -> [Double] {
            test.map { $0.roads.seconds(under: profile, on: $0.stop.day.weekday, departingAt: $0.departure) - $0.observed }
        }
        return TrafficFit(
            profileJSON: json, profile: profile,
            serviceTimes: sums.keys.sorted().map { ($0, Int(shrunk[$0]!.rounded()), sums[$0]!.count) },
            trainingLegs: training.count, heldOutLegs: test.count, heldOutDays: days.suffix(holdoutDays), legsPerSlice: legsPerSlice, relativeError: relativeError,
            travelBefore: .init(travelErrors(.uniform(1000))), travelAfter: .init(travelErrors(profile)),
            serviceBefore: .init(testStops.map { globalMean - Double($0.actualDeparture - $0.actualArrival) }),
            serviceAfter: .init(testStops.map { (shrunk[$0.customer!] ?? globalMean) - Double($0.actualDeparture - $0.actualArrival) })
        )
    }
}

/// `HH:MM` of the start of `slice`.
private func clock(_ slice: Int) -> String {
    let minute = slice * TrafficProfile.sliceMinutes
    return (minute / 60 < 10 ? "0" : "") + "\(minute / 60):" + (minute % 60 < 10 ? "0" : "") + "\(minute % 60)"
}

/// Solves the 3 × 3 system `a x = b` (row-major `a`) by Gaussian elimination with partial pivoting; `a` is
/// symmetric positive definite here (a ridge is added), so it never fails.
private func solve3(_ a: [Double], _ b: [Double]) -> [Double] {
    var m = (0..<3).map { Array(a[$0 * 3..<$0 * 3 + 3]) + [b[$0]] }
    for column in 0..<3 {
        let pivot = (column..<3).max { abs(m[$0][column]) < abs(m[$1][column]) }!
        m.swapAt(column, pivot)
        for row in column + 1..<3 {
            let f = m[row][column] / m[column][column]
            for c in column..<4 { m[row][c] -= f * m[column][c] }
        }
    }
    var x = [Double](repeating: 0, count: 3)
    for row in (0..<3).reversed() {
        x[row] = (m[row][3] - (row + 1..<3).reduce(0) { $0 + m[row][$1] * x[$1] }) / m[row][row]
    }
    return x
}
