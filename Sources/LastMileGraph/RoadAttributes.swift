import LastMileOSM

/// What a profile makes of one OSM way: its class, the directions it may be driven in and at what speed.
public struct RoadAttributes: Hashable, Sendable {
    public var roadClass: RoadClass
    /// Speed along the way's node order, km/h; `nil` when that direction is not allowed.
    public var forwardSpeed: Double?
    /// Speed against the way's node order, km/h; `nil` when not allowed.
    public var backwardSpeed: Double?
    /// A ferry's tagged crossing time for the whole way, seconds; spread over its edges by length.
    public var ferryDurationSeconds: Double?
    /// Access only to reach a destination on the way (`access=destination`, `delivery`, `customers`).
    public var isDestinationOnly: Bool
}

extension VehicleProfile {
    /// Classifies a way's tags; `nil` when the vehicle may not use it.
    public func attributes(of tags: [OSMTag]) -> RoadAttributes? {
        let roadClass: RoadClass
        var speed: Double
        var ferryDuration: Double?
        if tags["route"] == "ferry", let ferrySpeed {
            roadClass = .ferry
            speed = ferrySpeed
            ferryDuration = tags["duration"].flatMap(Self.parseDurationSeconds)
        } else {
            guard let highway = tags["highway"], let classSpeed = highwaySpeeds[highway] else { return nil }
            roadClass = RoadClass(highway: highway) ?? .road
            speed = classSpeed
            if tags["area"] == "yes" { return nil }
            if let service = tags["service"] {
                if excludedServiceValues.contains(service) { return nil }
                if let serviceSpeed = serviceSpeeds[service] { speed = serviceSpeed }
            }
        }

        var isDestinationOnly = false
        if let access = accessTagHierarchy.lazy.compactMap({ tags[$0] }).first {
            if deniedAccessValues.contains(access) { return nil }
            isDestinationOnly = destinationAccessValues.contains(access)
        }

        var forward = true
        var backward = true
        switch tags["oneway"] {
        case "yes", "1", "true": backward = false
        case "-1", "reverse": forward = false
        case "reversible", "alternating": return nil
        case "no", "0", "false": break
        default:
            let junction = tags["junction"]
            if junction == "roundabout" || junction == "circular" || impliedOnewayClasses.contains(roadClass.osmValue) {
                backward = false
            }
        }

        var forwardSpeed = speed
        var backwardSpeed = speed
        if useMaxspeed, roadClass != .ferry {
            let both = tags["maxspeed"].flatMap(MaxspeedParser.kilometersPerHour)
            if let limit = tags["maxspeed:forward"].flatMap(MaxspeedParser.kilometersPerHour) ?? both {
                forwardSpeed = limit * maxspeedFactor
            }
            if let limit = tags["maxspeed:backward"].flatMap(MaxspeedParser.kilometersPerHour) ?? both {
                backwardSpeed = limit * maxspeedFactor
            }
        }
        forwardSpeed = min(forwardSpeed, maximumSpeed)
        backwardSpeed = min(backwardSpeed, maximumSpeed)
        return RoadAttributes(
            roadClass: roadClass,
            forwardSpeed: forward ? forwardSpeed : nil,
            backwardSpeed: backward ? backwardSpeed : nil,
            ferryDurationSeconds: ferryDuration,
            isDestinationOnly: isDestinationOnly
        )
    }

    /// Parses an OSM `duration`: `MM`, `HH:MM`, `HH:MM:SS` or ISO 8601 `PT#H#M#S`; seconds, or `nil`.
    public static func parseDurationSeconds(_ text: String) -> Double? {
        if text.hasPrefix("PT") || text.hasPrefix("pt") {
            var total = 0.0
            var number = ""
            for character in text.dropFirst(2).uppercased() {
                if character.isNumber || character == "." {
                    number.append(character)
                    continue
                }
                guard let value = Double(number) else { return nil }
                switch character {
                case "H": total += value * 3600
                case "M": total += value * 60
                case "S": total += value
                default: return nil
                }
                number = ""
            }
            return number.isEmpty && total > 0 ? total : nil
        }
        let parts = text.split(separator: ":").map { Double($0) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        let values = parts.map { $0! }
        let seconds: Double
        switch values.count {
        case 1: seconds = values[0] * 60
        case 2: seconds = values[0] * 3600 + values[1] * 60
        case 3: seconds = values[0] * 3600 + values[1] * 60 + values[2]
        default: return nil
        }
        return seconds > 0 ? seconds : nil
    }
}
