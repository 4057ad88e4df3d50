import LastMileCore

/// A carrier's prices for one of its vehicle types, assembled from ``RateCardItem`` lines (a line for the
/// type overrides the carrier's line of the same kind for every type). Money in cents; see
/// ``RateCard/charge(_:)`` for the arithmetic and its rounding.
public struct RateCard: Hashable, Sendable {
    /// A flat price per order by depot-to-door distance: `fromMetres ..< toMetres`.
    public struct DistanceBand: Hashable, Sendable {
        public var fromMetres: Int64
        public var toMetres: Int64
        public var price: Cents

        public init(fromMetres: Int64, toMetres: Int64, price: Cents) {
            self.fromMetres = fromMetres
            self.toMetres = toMetres
            self.price = price
        }
    }

    public var carrierID: String
    public var vehicleTypeID: String
    public var fixedPerDay: Cents = .zero
    public var perKilometre: Cents = .zero
    public var perHour: Cents = .zero
    /// Paid seconds after which ``overtimePerHour`` replaces ``perHour``; `nil` without overtime.
    public var overtimeAfterSeconds: Int64?
    public var overtimePerHour: Cents = .zero
    public var perStop: Cents = .zero
    public var perParcel: Cents = .zero
    public var perKilogram: Cents = .zero
    public var minimumPerRun: Cents = .zero
    public var minimumPerDay: Cents = .zero
    /// Hundredths of a percent on the distance and time charge (a fixed percentage plus the fuel index's).
    public var fuelSurchargeHundredths: Int64 = 0
    /// Sorted by `fromMetres`, disjoint.
    public var distanceBands: [DistanceBand] = []

    public init(carrierID: String, vehicleTypeID: String) {
        self.carrierID = carrierID
        self.vehicleTypeID = vehicleTypeID
    }

    /// The card of `vehicleTypeID` from the carrier's `items` (lines of other carriers are ignored); `nil` when
    /// the carrier has no line for it. Lines for the type replace the carrier-wide lines of the same kind; a
    /// type's bands replace the carrier-wide bands.
    public init?(carrierID: String, vehicleTypeID: String, items: [RateCardItem]) {
        let mine = items.filter { $0.carrierID == carrierID && ($0.vehicleTypeID == nil || $0.vehicleTypeID == vehicleTypeID) }
        guard !mine.isEmpty else { return nil }
        self.init(carrierID: carrierID, vehicleTypeID: vehicleTypeID)
        let typeKinds = Set(mine.filter { $0.vehicleTypeID != nil }.map(\.kind))
        // Carrier-wide lines first, then the type's, so that the type's win; kinds the type names drop the carrier's.
        let ordered = mine.filter { $0.vehicleTypeID == nil && !typeKinds.contains($0.kind) } + mine.filter { $0.vehicleTypeID != nil }
        var percent: Int64 = 0
        for item in ordered {
            switch item.kind {
            case .fixedPerDay: fixedPerDay = item.price
            case .perKilometre: perKilometre = item.price
            case .perHour: perHour = item.price
            case .overtimePerHour:
                overtimePerHour = item.price
                overtimeAfterSeconds = item.afterSeconds
            case .perStop: perStop = item.price
            case .perParcel: perParcel = item.price
            case .perKilogram: perKilogram = item.price
            case .minimumPerRun: minimumPerRun = item.price
            case .minimumPerDay: minimumPerDay = item.price
            case .fuelSurcharge: percent += item.percentHundredths
            case .fuelIndex: percent += Self.indexedSurcharge(share: item.percentHundredths, base: item.indexBase, now: item.indexNow)
            case .distanceBand: distanceBands.append(DistanceBand(fromMetres: item.fromMetres, toMetres: item.toMetres, price: item.price))
            }
        }
        fuelSurchargeHundredths = percent
        distanceBands.sort { $0.fromMetres < $1.fromMetres }
    }

    /// Hundredths of a percent: `share × (now − base) / base`, rounded half away from zero.
    public static func indexedSurcharge(share: Int64, base: Cents, now: Cents) -> Int64 {
        guard base.rawValue > 0 else { return 0 }
        return Money.divideRounded(share * (now.rawValue - base.rawValue), by: base.rawValue)
    }

    /// The band price of an order `metres` from its depot, or zero outside every band.
    public func bandPrice(metres: Int64) -> Cents {
        distanceBands.first { $0.fromMetres <= metres && metres < $0.toMetres }?.price ?? .zero
    }

    /// The same card with every price scaled by `1 + hundredths / 10000` (a sensitivity run: fuel +10 % is
    /// ``withFuelSurchargeRaised(by:)``).
    public func withFuelSurchargeRaised(by hundredths: Int64) -> RateCard {
        var card = self
        card.fuelSurchargeHundredths += hundredths
        return card
    }
}

/// Integer money arithmetic with one rounding rule: half away from zero.
public enum Money {
    /// `numerator / denominator` rounded half away from zero; `denominator > 0`.
    public static func divideRounded(_ numerator: Int64, by denominator: Int64) -> Int64 {
        precondition(denominator > 0, "divide money by a positive number")
        let half = denominator / 2
        return numerator >= 0 ? (numerator + half) / denominator : -((-numerator + half) / denominator)
    }
}
