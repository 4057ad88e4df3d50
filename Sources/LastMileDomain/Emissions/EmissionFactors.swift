/// Well-to-wheel (WTW) and tank-to-wheel (TTW) greenhouse-gas factors per unit of energy carrier, grams of
/// CO₂e, as tabulated with their sources in `docs/emissions.md` (the two must agree; a test checks the table
/// against this code). Liquid fuels are per litre (EN 16258 Annex A per-kilogram factors times its
/// densities), CNG per kilogram, electricity per kWh by country (TTW 0; WTW the grid's life-cycle generation intensity).
public enum EmissionFactors {
    /// One row of the table.
    public struct Factor: Hashable, Sendable {
        public var tankToWheelGrams: Int64
        public var wellToWheelGrams: Int64
    }

    /// Diesel B7 (EN 16258: 2.97 / 3.76 kg CO₂e per kg TTW / WTW, density 0.832 kg/l), grams per litre.
    public static let diesel = Factor(tankToWheelGrams: 2471, wellToWheelGrams: 3128)
    /// Petrol E5 (EN 16258: 3.08 / 3.74 kg CO₂e per kg, density 0.745 kg/l), grams per litre.
    public static let petrol = Factor(tankToWheelGrams: 2295, wellToWheelGrams: 2786)
    /// CNG (GLEC v3.2 default: 2.74 kg CO₂e per kg TTW; EN 16258: 3.07 kg CO₂e per kg WTW), grams per kg.
    public static let cng = Factor(tankToWheelGrams: 2740, wellToWheelGrams: 3070)
    public static let human = Factor(tankToWheelGrams: 0, wellToWheelGrams: 0)

    /// Grid intensity by ISO 3166 country code, grams CO₂e per kWh generated: Ember's 2023 life-cycle intensity
    /// of electricity generation, to the gram (sources in `docs/emissions.md`). `EU` is the EU-27 average and the
    /// fallback for other countries.
    public static let grid: [(country: String, grams: Int64)] = [
        ("DE", 381), ("ES", 174), ("EU", 236), ("FR", 56), ("GB", 238), ("IT", 331), ("NL", 268), ("NO", 30), ("PL", 662), ("PT", 166),
    ]

    /// The factor of `energy` (electricity in `country`, the EU average when the country is not listed).
    public static func factor(_ energy: EnergyCarrier, country: String?) -> Factor {
        switch energy {
        case .diesel: diesel
        case .petrol: petrol
        case .cng: cng
        case .human: human
        case .electricity:
            Factor(tankToWheelGrams: 0,
                   wellToWheelGrams: (grid.first { $0.country == (country ?? "EU") } ?? grid.first { $0.country == "EU" }!).grams)
        }
    }
}
