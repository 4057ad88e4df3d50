import Foundation
import LastMileCore
import LastMileOSM

/// Which OSM ways a vehicle may use, in which directions and how fast: a road profile as data.
///
/// A profile is a `Codable` struct, so a cargo-bike or van profile is a JSON file
/// (`lastmile import --profile van.json`), not code. ``car`` documents the defaults; ``baseline`` reproduces the
/// simpler model of the peer harness's exact Dijkstra (`../shared/peers/README.md`) for oracle comparisons.
///
/// Rules, in order:
/// 1. A way is a road when `highway` has a speed in ``highwaySpeeds`` (`route=ferry` when ``ferrySpeed`` is set),
///    it is not `area=yes`, and its `service=` value is not in ``excludedServiceValues``.
/// 2. Access: the first present of ``accessTagHierarchy`` (most specific first) decides. A value in
///    ``deniedAccessValues`` excludes the way; one in ``destinationAccessValues`` keeps it, flagged
///    destination-only (deliveries are the destination).
/// 3. Direction: `oneway=yes/1/true` forward only, `-1/reverse` backward only, `reversible`/`alternating`
///    excluded (direction varies by time of day); otherwise `junction=roundabout/circular` and classes in
///    ``impliedOnewayClasses`` are forward only unless `oneway=no`.
/// 4. Speed (km/h): `maxspeed` (or `maxspeed:forward`/`:backward`), parsed by ``MaxspeedParser`` and multiplied
///    by ``maxspeedFactor``, when ``useMaxspeed``; else the class speed; `service=` values in ``serviceSpeeds``
///    override the class speed. The result is capped at ``maximumSpeed``.
/// 5. Ferries: `duration` (`HH:MM`, `HH:MM:SS`, minutes, or ISO 8601 `PT1H30M`) gives the crossing time;
///    otherwise ``ferrySpeed``.
/// 6. Turn restrictions (`type=restriction`, `restriction` or `restriction:<vehicle>` tags, via a node) are obeyed
///    when ``obeyTurnRestrictions``, unless `except=` names one of ``vehicleTypes``.
public struct VehicleProfile: Codable, Sendable, Hashable {
    /// A short name stored in the graph file (`car`, `van`, `baseline`).
    public var name: String
    /// Speed per `highway=` value, km/h. Values not listed are not roads for this vehicle.
    public var highwaySpeeds: [String: Double]
    /// Speed overrides per `service=` value, km/h (e.g. parking aisles are slow).
    public var serviceSpeeds: [String: Double]
    /// `service=` values that exclude a way.
    public var excludedServiceValues: [String]
    /// Access keys from most to least specific, e.g. `motorcar`, `motor_vehicle`, `vehicle`, `access`.
    public var accessTagHierarchy: [String]
    /// Access values that forbid the way.
    public var deniedAccessValues: [String]
    /// Access values that allow the way to reach a destination on it (flagged in the graph).
    public var destinationAccessValues: [String]
    /// Classes that are one-way unless tagged `oneway=no`.
    public var impliedOnewayClasses: [String]
    /// Whether `maxspeed` tags set the speed.
    public var useMaxspeed: Bool
    /// Share of the posted limit actually driven, 0...1.
    public var maxspeedFactor: Double
    /// The vehicle's top speed, km/h.
    public var maximumSpeed: Double
    /// Ferry speed when no `duration` is tagged, km/h; `nil` excludes ferries.
    public var ferrySpeed: Double?
    /// Whether turn restrictions are obeyed.
    public var obeyTurnRestrictions: Bool
    /// Names of this vehicle in `restriction:<type>` and `except=` tags.
    public var vehicleTypes: [String]

    public init(
        name: String, highwaySpeeds: [String: Double], serviceSpeeds: [String: Double],
        excludedServiceValues: [String], accessTagHierarchy: [String], deniedAccessValues: [String],
        destinationAccessValues: [String], impliedOnewayClasses: [String], useMaxspeed: Bool,
        maxspeedFactor: Double, maximumSpeed: Double, ferrySpeed: Double?, obeyTurnRestrictions: Bool,
        vehicleTypes: [String]
    ) {
        self.name = name
        self.highwaySpeeds = highwaySpeeds
        self.serviceSpeeds = serviceSpeeds
        self.excludedServiceValues = excludedServiceValues
        self.accessTagHierarchy = accessTagHierarchy
        self.deniedAccessValues = deniedAccessValues
        self.destinationAccessValues = destinationAccessValues
        self.impliedOnewayClasses = impliedOnewayClasses
        self.useMaxspeed = useMaxspeed
        self.maxspeedFactor = maxspeedFactor
        self.maximumSpeed = maximumSpeed
        self.ferrySpeed = ferrySpeed
        self.obeyTurnRestrictions = obeyTurnRestrictions
        self.vehicleTypes = vehicleTypes
    }

    /// OSRM `car.lua` class speeds, km/h.
    public static let osrmClassSpeeds: [String: Double] = [
        "motorway": 90, "motorway_link": 45, "trunk": 85, "trunk_link": 40, "primary": 65, "primary_link": 30,
        "secondary": 55, "secondary_link": 25, "tertiary": 40, "tertiary_link": 20, "unclassified": 25,
        "residential": 25, "living_street": 10, "service": 15,
    ]

    /// A delivery car or van: OSRM's class speeds, posted limits at 80 %, slow service ways, ferries at 5 km/h,
    /// turn restrictions obeyed, and destination/delivery/customers roads allowed (flagged destination-only).
    public static let car = VehicleProfile(
        name: "car",
        highwaySpeeds: osrmClassSpeeds,
        serviceSpeeds: ["parking_aisle": 10, "driveway": 10, "alley": 10, "drive-through": 10],
        excludedServiceValues: ["emergency_access"],
        accessTagHierarchy: ["motorcar", "motor_vehicle", "vehicle", "access"],
        deniedAccessValues: [
            "no", "private", "agricultural", "forestry", "emergency", "psv", "bus", "taxi", "foot", "restricted",
            "military", "official", "permit", "residents",
        ],
        destinationAccessValues: ["destination", "delivery", "customers"],
        impliedOnewayClasses: ["motorway", "motorway_link"],
        useMaxspeed: true,
        maxspeedFactor: 0.8,
        maximumSpeed: 130,
        ferrySpeed: 5,
        obeyTurnRestrictions: true,
        vehicleTypes: ["motorcar", "motor_vehicle", "vehicle"]
    )

    /// The peer harness's exact baseline model: class speeds only, no `maxspeed`, no ferries, no turn
    /// restrictions, delivery and customers roads excluded like private ones (destination roads allowed).
    public static let baseline = VehicleProfile(
        name: "baseline",
        highwaySpeeds: osrmClassSpeeds,
        serviceSpeeds: [:],
        excludedServiceValues: ["emergency_access"],
        accessTagHierarchy: ["motorcar", "motor_vehicle", "vehicle", "access"],
        deniedAccessValues: [
            "no", "agricultural", "forestry", "emergency", "psv", "bus", "taxi", "foot", "restricted", "military",
            "official", "customers", "private", "delivery", "permit", "residents",
        ],
        destinationAccessValues: [],
        impliedOnewayClasses: ["motorway"],
        useMaxspeed: false,
        maxspeedFactor: 1,
        maximumSpeed: 1000,
        ferrySpeed: nil,
        obeyTurnRestrictions: false,
        vehicleTypes: ["motorcar", "motor_vehicle", "vehicle"]
    )

    /// A (cargo) bicycle: cycleways, paths and the street network up to primary roads at riding speeds, no trunk
    /// roads or motorways, pedestrian streets at walking pace (pushing), `bicycle=` access first, one-ways
    /// obeyed (`oneway:bicycle` contraflow is not modelled), posted limits ignored.
    public static let bicycle = VehicleProfile(
        name: "bicycle",
        highwaySpeeds: [
            "cycleway": 16, "path": 12, "track": 10, "primary": 14, "primary_link": 14, "secondary": 16, "secondary_link": 16,
            "tertiary": 16, "tertiary_link": 16, "unclassified": 16, "residential": 16, "living_street": 10, "service": 12,
            "pedestrian": 5,
        ],
        serviceSpeeds: ["parking_aisle": 8, "driveway": 8],
        excludedServiceValues: ["emergency_access"],
        accessTagHierarchy: ["bicycle", "vehicle", "access"],
        deniedAccessValues: [
            "no", "private", "agricultural", "forestry", "emergency", "psv", "bus", "taxi", "restricted", "military", "official",
            "permit", "residents", "dismount",
        ],
        destinationAccessValues: ["destination", "delivery", "customers"],
        impliedOnewayClasses: [],
        useMaxspeed: false,
        maxspeedFactor: 1,
        maximumSpeed: 20,
        ferrySpeed: 5,
        obeyTurnRestrictions: true,
        vehicleTypes: ["bicycle", "vehicle"]
    )

    /// Profiles known by name on the command line.
    public static let builtIn: [String: VehicleProfile] = ["car": car, "baseline": baseline, "bicycle": bicycle]

    /// Checks that speeds are positive and factors in range.
    ///
    /// - Throws: ``GraphError`` `.invalidProfile` naming the bad field.
    public func validate() throws {
        for (key, speed) in highwaySpeeds.sorted(by: { $0.key < $1.key }) where !(speed > 0) {
            throw GraphError(.invalidProfile, "profile '\(name)': highwaySpeeds[\"\(key)\"] is \(speed); speeds must be > 0 km/h")
        }
        for (key, speed) in serviceSpeeds.sorted(by: { $0.key < $1.key }) where !(speed > 0) {
            throw GraphError(.invalidProfile, "profile '\(name)': serviceSpeeds[\"\(key)\"] is \(speed); speeds must be > 0 km/h")
        }
        guard maxspeedFactor > 0, maxspeedFactor <= 2 else {
            throw GraphError(.invalidProfile, "profile '\(name)': maxspeedFactor \(maxspeedFactor) must be in (0, 2]")
        }
        guard maximumSpeed > 0 else {
            throw GraphError(.invalidProfile, "profile '\(name)': maximumSpeed must be > 0 km/h")
        }
        if let ferrySpeed, !(ferrySpeed > 0) {
            throw GraphError(.invalidProfile, "profile '\(name)': ferrySpeed must be > 0 km/h or null (no ferries)")
        }
    }

    /// The read filter for this profile: ways with `highway` or `route=ferry`, and restriction relations.
    public var readFilter: OSMReadFilter {
        let usesFerries = ferrySpeed != nil
        let obeys = obeyTurnRestrictions
        return OSMReadFilter(
            keepWay: { tags in
                tags.contains { $0.key == "highway" || (usesFerries && $0.key == "route" && $0.value == "ferry") }
            },
            keepRelation: { tags in obeys && tags["type"].map { $0 == "restriction" || $0.hasPrefix("restriction:") } == true }
        )
    }
}
