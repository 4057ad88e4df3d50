import LastMileCore

/// What a run measured: the quantities a rate card prices.
public struct RunMeasures: Hashable, Sendable {
    public var metres: Int64
    /// From the start of loading to the return, waiting included, breaks excluded.
    public var paidSeconds: Int64
    public var stops: Int64
    public var parcels: Int64
    public var grams: Int64
    /// Per order served, the great-circle distance from the run's depot to the door, metres (distance bands).
    public var orderMetres: [Int64]

    public init(metres: Int64, paidSeconds: Int64, stops: Int64, parcels: Int64, grams: Int64, orderMetres: [Int64]) {
        self.metres = metres
        self.paidSeconds = paidSeconds
        self.stops = stops
        self.parcels = parcels
        self.grams = grams
        self.orderMetres = orderMetres
    }
}

/// A run's charge under a ``RateCard``, by component, in cents. Each component is rounded on its own, half away
/// from zero: `distance = perKilometre × metres / 1000`, `time = perHour × normal seconds / 3600` (normal: up to
/// the overtime threshold), `overtime = overtimePerHour × seconds beyond it / 3600`, `minimumTopUp` raises
/// fixed + distance + time + overtime to `minimumPerRun`, `fuelSurcharge = percent × (that charge + top-up)`,
/// `stops`, `parcels`, `weight = perKilogram × grams / 1000` and `bands` (per order by distance) on top.
public struct RunCharge: Hashable, Sendable {
    public var fixed: Cents = .zero
    public var distance: Cents = .zero
    public var time: Cents = .zero
    public var overtime: Cents = .zero
    public var minimumTopUp: Cents = .zero
    public var fuelSurcharge: Cents = .zero
    public var stops: Cents = .zero
    public var parcels: Cents = .zero
    public var weight: Cents = .zero
    public var bands: Cents = .zero

    public init() {}

    public var total: Cents {
        Cents([fixed, distance, time, overtime, minimumTopUp, fuelSurcharge, stops, parcels, weight, bands].reduce(0) { $0 + $1.rawValue })
    }

    /// The components with their names, in the order reports print them.
    public var components: [(name: String, amount: Cents)] {
        [("fixed", fixed), ("distance", distance), ("time", time), ("overtime", overtime), ("minimum", minimumTopUp),
         ("fuel", fuelSurcharge), ("stops", stops), ("parcels", parcels), ("weight", weight), ("bands", bands)]
    }

    public static func + (a: RunCharge, b: RunCharge) -> RunCharge {
        var sum = RunCharge()
        sum.fixed = a.fixed + b.fixed
        sum.distance = a.distance + b.distance
        sum.time = a.time + b.time
        sum.overtime = a.overtime + b.overtime
        sum.minimumTopUp = a.minimumTopUp + b.minimumTopUp
        sum.fuelSurcharge = a.fuelSurcharge + b.fuelSurcharge
        sum.stops = a.stops + b.stops
        sum.parcels = a.parcels + b.parcels
        sum.weight = a.weight + b.weight
        sum.bands = a.bands + b.bands
        return sum
    }
}

extension RateCard {
    /// The charge for one run (see ``RunCharge`` for the arithmetic).
    public func charge(_ run: RunMeasures) -> RunCharge {
        func rounded(_ numerator: Int64, _ denominator: Int64) -> Cents { Cents(Money.divideRounded(numerator, by: denominator)) }
        var charge = RunCharge()
        charge.fixed = fixedPerDay
        charge.distance = rounded(perKilometre.rawValue * run.metres, 1000)
        let normalSeconds = min(run.paidSeconds, overtimeAfterSeconds ?? run.paidSeconds)
        charge.time = rounded(perHour.rawValue * normalSeconds, 3600)
        charge.overtime = rounded(overtimePerHour.rawValue * (run.paidSeconds - normalSeconds), 3600)
        let base = charge.fixed.rawValue + charge.distance.rawValue + charge.time.rawValue + charge.overtime.rawValue
        charge.minimumTopUp = Cents(max(0, minimumPerRun.rawValue - base))
        charge.fuelSurcharge = rounded((base + charge.minimumTopUp.rawValue) * fuelSurchargeHundredths, 10_000)
        charge.stops = Cents(perStop.rawValue * run.stops)
        charge.parcels = Cents(perParcel.rawValue * run.parcels)
        charge.weight = rounded(perKilogram.rawValue * run.grams, 1000)
        charge.bands = Cents(run.orderMetres.reduce(0) { $0 + bandPrice(metres: $1).rawValue })
        return charge
    }

    /// What the carrier's whole day adds to reach ``minimumPerDay`` given its runs' total, cents (0 when above).
    public func dayTopUp(runsTotal: Cents) -> Cents { Cents(max(0, minimumPerDay.rawValue - runsTotal.rawValue)) }
}
