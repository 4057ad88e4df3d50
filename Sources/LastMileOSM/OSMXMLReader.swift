import Foundation
import LastMileCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads OSM XML (`.osm`, the format of the editing API, Overpass and `osmium cat -f osm`).
///
/// Errors name the line. Node tags are not kept (see ``OSMNodes``).
enum OSMXMLReader {
    static func read(bytes: [UInt8], name: String, filter: OSMReadFilter) throws -> OSMData {
        let parser = XMLParser(data: Data(bytes))
        let handler = Handler(name: name, filter: filter)
        parser.delegate = handler
        let succeeded = parser.parse()
        if let failure = handler.failure { throw failure }
        guard succeeded else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown XML error"
            throw OSMError(.corrupt, file: name, location: "line \(parser.lineNumber)",
                           "broken XML (\(reason)); check that the file is complete and well-formed")
        }
        guard handler.sawRoot else {
            throw OSMError(.corrupt, file: name, "no <osm> root element: not an OSM XML file")
        }
        return handler.data
    }

    /// Collects elements as the parser streams them; confined to the parsing thread.
    private final class Handler: NSObject, XMLParserDelegate {
        let name: String
        let filter: OSMReadFilter
        var data = OSMData()
        var failure: OSMError?
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

        init(name: String, filter: OSMReadFilter) {
            self.name = name
            self.filter = filter
        }

        private func fail(_ parser: XMLParser, _ message: String) {
            guard failure == nil else { return }
            failure = OSMError(.corrupt, file: name, location: "line \(parser.lineNumber)", message)
            parser.abortParsing()
        }

        private func integer(_ attributes: [String: String], _ key: String, _ element: String, _ parser: XMLParser)
            -> Int64?
        {
            guard let text = attributes[key] else {
                fail(parser, "<\(element)> lacks the '\(key)' attribute")
                return nil
            }
            guard let value = Int64(text) else {
                fail(parser, "<\(element)> has \(key)=\"\(text)\", which is not an integer")
                return nil
            }
            return value
        }

        private func degrees(_ attributes: [String: String], _ key: String, _ parser: XMLParser) -> Double? {
            guard let text = attributes[key], let value = Double(text) else {
                fail(parser, "<node> has a missing or non-numeric '\(key)' attribute (\(attributes[key] ?? "absent"))")
                return nil
            }
            return value
        }

        func parser(
            _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch element {
            case "osm":
                sawRoot = true
            case "node":
                guard let id = integer(attributes, "id", element, parser),
                    let latitude = degrees(attributes, "lat", parser),
                    let longitude = degrees(attributes, "lon", parser)
                else {
                    // A deleted node in a change file carries no position; anything else is an error.
                    if failure == nil { fail(parser, "<node> lacks a position") }
                    return
                }
                guard let coordinate = Coordinate(latitude: latitude, longitude: longitude) else {
                    fail(parser, "node \(id) has lat=\(latitude) lon=\(longitude), outside ±90°/±180°")
                    return
                }
                data.nodes.append(id: id, coordinate: coordinate)
            case "way":
                guard let id = integer(attributes, "id", element, parser) else { return }
                open = .way(id: id)
                tags.removeAll(keepingCapacity: true)
                nodeIDs.removeAll(keepingCapacity: true)
            case "relation":
                guard let id = integer(attributes, "id", element, parser) else { return }
                open = .relation(id: id)
                tags.removeAll(keepingCapacity: true)
                members.removeAll(keepingCapacity: true)
            case "nd":
                guard case .way = open else { return fail(parser, "<nd> outside a <way>") }
                guard let ref = integer(attributes, "ref", element, parser) else { return }
                nodeIDs.append(ref)
            case "member":
                guard case .relation = open else { return fail(parser, "<member> outside a <relation>") }
                guard let ref = integer(attributes, "ref", element, parser) else { return }
                let kind: OSMRelation.MemberKind
                switch attributes["type"] {
                case "node": kind = .node
                case "way": kind = .way
                case "relation": kind = .relation
                default:
                    return fail(parser, "<member> has type=\"\(attributes["type"] ?? "")\"; expected node, way or relation")
                }
                members.append(OSMRelation.Member(kind: kind, ref: ref, role: attributes["role"] ?? ""))
            case "tag":
                guard let key = attributes["k"], let value = attributes["v"] else {
                    return fail(parser, "<tag> lacks its 'k' or 'v' attribute")
                }
                if case .none = open { return }  // node tags are not kept
                tags.append(OSMTag(key, value))
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
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
