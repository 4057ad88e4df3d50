import Foundation

/// Parses OSM `maxspeed` values into km/h.
///
/// Understood forms: a number in km/h (`50`), with a unit (`50 km/h`, `30 mph`, `10 knots`), `walk`, and the
/// country-style implicit values `CC:zone` from the table ``implicitSpeeds`` (e.g. `DE:urban`, `GB:nsl_single`).
/// Several values separated by `;` yield the lowest. `none` (no limit) and `signals` (variable) return `nil`,
/// so the road class default applies.
public enum MaxspeedParser {
    /// Implicit limits by country and zone, in km/h, after the OSM wiki's "Default speed limits" page.
    /// Motorways without a general limit (`DE:motorway`) are given the advisory speed, 130 km/h.
    public static let implicitSpeeds: [String: Double] = [
        "AT:urban": 50, "AT:rural": 100, "AT:trunk": 100, "AT:motorway": 130,
        "BE:urban": 50, "BE-VLG:rural": 70, "BE-WAL:rural": 90, "BE:motorway": 120,
        "CH:urban": 50, "CH:rural": 80, "CH:trunk": 100, "CH:motorway": 120,
        "CZ:urban": 50, "CZ:rural": 90, "CZ:motorway": 130,
        "DE:living_street": 7, "DE:bicycle_road": 30, "DE:urban": 50, "DE:rural": 100, "DE:motorway": 130,
        "DK:urban": 50, "DK:rural": 80, "DK:motorway": 130,
        "ES:urban": 50, "ES:rural": 90, "ES:trunk": 100, "ES:motorway": 120,
        "FI:urban": 50, "FI:rural": 80, "FI:motorway": 120,
        "FR:urban": 50, "FR:rural": 80, "FR:trunk": 110, "FR:motorway": 130, "FR:zone30": 30,
        "GB:nsl_single": 96.56, "GB:nsl_dual": 112.65, "GB:motorway": 112.65,
        "IT:urban": 50, "IT:rural": 90, "IT:trunk": 110, "IT:motorway": 130,
        "LI:urban": 50, "LI:rural": 80,
        "NL:urban": 50, "NL:rural": 80, "NL:trunk": 100, "NL:motorway": 130,
        "NO:urban": 50, "NO:rural": 80, "NO:motorway": 110,
        "PL:urban": 50, "PL:rural": 90, "PL:trunk": 120, "PL:motorway": 140,
        "PT:urban": 50, "PT:rural": 90, "PT:trunk": 100, "PT:motorway": 120,
        "SE:urban": 50, "SE:rural": 70, "SE:motorway": 110,
        "US:urban": 40.23,
    ]

    private static let implicitByLowercasedKey = Dictionary(
        uniqueKeysWithValues: implicitSpeeds.map { ($0.key.lowercased(), $0.value) }
    )

    /// Walking pace for `maxspeed=walk`, in km/h.
    public static let walkingSpeed = 6.0

    /// The limit in km/h, or `nil` when the value gives none (or cannot be read).
    public static func kilometersPerHour(_ value: String) -> Double? {
        let parts = value.split(separator: ";").compactMap { single(String($0)) }
        return parts.min()
    }

    private static func single(_ raw: String) -> Double? {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if text.isEmpty || text == "none" || text == "signals" || text == "variable" { return nil }
        if text == "walk" { return walkingSpeed }
        if let implicit = implicitByLowercasedKey[text] { return implicit }
        var number = ""
        var rest = Substring(text)
        while let first = rest.first, first.isNumber || first == "." {
            number.append(first)
            rest = rest.dropFirst()
        }
        guard let magnitude = Double(number), magnitude > 0 else { return nil }
        switch rest.trimmingCharacters(in: .whitespaces) {
        case "", "km/h", "kmh", "kph": return magnitude
        case "mph": return magnitude * 1.609344
        case "knots": return magnitude * 1.852
        default: return nil
        }
    }
}
