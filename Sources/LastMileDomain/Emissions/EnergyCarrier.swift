/// What a vehicle runs on, for well-to-wheel emissions (ISO 14083 / GLEC): consumption is given per 100 km in
/// the carrier's ``unit``.
public enum EnergyCarrier: String, Hashable, Sendable, CaseIterable {
    case diesel
    case petrol
    case cng
    case electricity
    /// A pedalled cargo bike: zero tank-to-wheel (and, by GLEC convention, no fuel upstream either).
    case human

    /// The unit of consumption: litres, kilograms or kilowatt-hours (none for human power).
    public var unit: String {
        switch self {
        case .diesel, .petrol: "l"
        case .cng: "kg"
        case .electricity: "kWh"
        case .human: "–"
        }
    }
}
