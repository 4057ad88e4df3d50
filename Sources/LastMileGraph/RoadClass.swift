/// The class of a road, from its OSM `highway` tag (or `route=ferry`). Stored per arc in one byte.
public enum RoadClass: UInt8, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case motorway = 0
    case motorwayLink
    case trunk
    case trunkLink
    case primary
    case primaryLink
    case secondary
    case secondaryLink
    case tertiary
    case tertiaryLink
    case unclassified
    case residential
    case livingStreet
    case service
    case road
    case track
    case ferry

    /// The OSM tag value (`highway=…`; `route=ferry` for ``ferry``).
    public var osmValue: String {
        switch self {
        case .motorway: "motorway"
        case .motorwayLink: "motorway_link"
        case .trunk: "trunk"
        case .trunkLink: "trunk_link"
        case .primary: "primary"
        case .primaryLink: "primary_link"
        case .secondary: "secondary"
        case .secondaryLink: "secondary_link"
        case .tertiary: "tertiary"
        case .tertiaryLink: "tertiary_link"
        case .unclassified: "unclassified"
        case .residential: "residential"
        case .livingStreet: "living_street"
        case .service: "service"
        case .road: "road"
        case .track: "track"
        case .ferry: "ferry"
        }
    }

    /// The class of a `highway=` value, or `nil` for values that are not roads (footway, cycleway, …).
    public init?(highway value: String) {
        guard let match = RoadClass.allCases.first(where: { $0.osmValue == value && $0 != .ferry }) else { return nil }
        self = match
    }

    public var description: String { osmValue }
}
