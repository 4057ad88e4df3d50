import LastMileCore

/// Reads OSM XML (`.osm`, the format of the editing API, Overpass and `osmium cat -f osm`).
///
/// Errors name the line. Node tags are not kept (see ``OSMNodes``).
enum OSMXMLReader {
    static func read(bytes: [UInt8], name: String, filter: OSMReadFilter) throws -> OSMData {
        var scanner = XMLScanner(bytes)
        var builder = Builder(filter: filter)
        do {
            while let event = try scanner.next() {
                switch event {
                case .start(let element, let attributes):
                    try builder.start(element, attributes: attributes)
                case .end(let element):
                    builder.end(element)
                }
            }
        } catch let failure as XMLScanner.Failure {
            throw OSMError(failure.isTruncation ? .truncated : .corrupt, file: name, location: "line \(failure.line)",
                           "broken XML: \(failure.message)")
        } catch let message as ElementError {
            throw OSMError(.corrupt, file: name, location: "line \(scanner.line)", message.text)
        }
        guard builder.sawRoot else {
            throw OSMError(.corrupt, file: name, "no <osm> root element: not an OSM XML file")
        }
        return builder.data
    }

    private struct ElementError: Error {
        var text: String
    }

    /// Turns element events into OSM data.
    private struct Builder {
        let filter: OSMReadFilter
        var data = OSMData()
        var sawRoot = false

        private enum Open {
            case none
            case way(id: Int64)
            case relation(id: Int64)
        }

        private var open = Open.none
        private var tags: [OSMTag] = []
        private var nodeIDs: [Int64] = []
        private var members: [OSMRelation.Member] = []

        init(filter: OSMReadFilter) { self.filter = filter }

        private func value(_ attributes: [(name: String, value: String)], _ key: String) -> String? {
            attributes.first(where: { $0.name == key })?.value
        }

        private func integer(_ attributes: [(name: String, value: String)], _ key: String, _ element: String) throws
            -> Int64
        {
            guard let text = value(attributes, key) else { throw ElementError(text: "<\(element)> lacks the '\(key)' attribute") }
            guard let number = Int64(text) else {
                throw ElementError(text: "<\(element)> has \(key)=\"\(text)\", which is not an integer")
            }
            return number
        }

        private func degrees(_ attributes: [(name: String, value: String)], _ key: String, node: Int64) throws -> Double {
            guard let text = value(attributes, key), let number = Double(text) else {
                throw ElementError(text: "node \(node) has a missing or non-numeric '\(key)' attribute "
                    + "(\(value(attributes, key) ?? "absent"))")
            }
            return number
        }

        mutating func start(_ element: String, attributes: [(name: String, value: String)]) throws {
            switch element {
            case "osm":
                sawRoot = true
            case "node":
                let id = try integer(attributes, "id", element)
                let latitude = try degrees(attributes, "lat", node: id)
                let longitude = try degrees(attributes, "lon", node: id)
                guard let coordinate = Coordinate(latitude: latitude, longitude: longitude) else {
                    throw ElementError(text: "node \(id) has lat=\(latitude) lon=\(longitude), outside ±90°/±180°")
                }
                data.nodes.append(id: id, coordinate: coordinate)
            case "way":
                open = .way(id: try integer(attributes, "id", element))
                tags.removeAll(keepingCapacity: true)
                nodeIDs.removeAll(keepingCapacity: true)
            case "relation":
                open = .relation(id: try integer(attributes, "id", element))
                tags.removeAll(keepingCapacity: true)
                members.removeAll(keepingCapacity: true)
            case "nd":
                guard case .way = open else { throw ElementError(text: "<nd> outside a <way>") }
                nodeIDs.append(try integer(attributes, "ref", element))
            case "member":
                guard case .relation = open else { throw ElementError(text: "<member> outside a <relation>") }
                let ref = try integer(attributes, "ref", element)
                let kind: OSMRelation.MemberKind
                switch value(attributes, "type") {
                case "node": kind = .node
                case "way": kind = .way
                case "relation": kind = .relation
                case let other:
                    throw ElementError(text: "<member> has type=\"\(other ?? "")\"; expected node, way or relation")
                }
                members.append(OSMRelation.Member(kind: kind, ref: ref, role: value(attributes, "role") ?? ""))
            case "tag":
                guard let key = value(attributes, "k"), let tagValue = value(attributes, "v") else {
                    throw ElementError(text: "<tag> lacks its 'k' or 'v' attribute")
                }
                if case .none = open { return }  // node tags are not kept
                tags.append(OSMTag(key, tagValue))
            default:
                break
            }
        }

        mutating func end(_ element: String) {
            switch (element, open) {
            case ("way", .way(let id)):
                if filter.keepWay(tags) { data.ways.append(OSMWay(id: id, tags: tags, nodeIDs: nodeIDs)) }
                open = .none
            case ("relation", .relation(let id)):
                if filter.keepRelation(tags) { data.relations.append(OSMRelation(id: id, tags: tags, members: members)) }
                open = .none
            default:
                break
            }
        }
    }
}
