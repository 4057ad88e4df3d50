import Foundation
import LastMileCore
import LastMileDomain
import LastMileGraph
import LastMileLive
import LastMileModel
import LastMileOSM

/// The inputs LastMile reads from outside, each as one function of raw bytes that must return or throw — never
/// crash, hang or allocate without bound. The libFuzzer driver (`Fuzz/`, run by `Benchmarks/fuzz.sh`) and the
/// regression tests (`Tests/LastMileGraphTests/FuzzRegressionTests.swift`, over `fixtures/fuzz/<target>/`) call
/// the same functions, so every finding replays in `swift test`.
///
/// The HTTP bodies the server decodes are covered through the readers it hands them to: imports (`tables`),
/// live events (`events`), VROOM problems (`vroom`). The OSRM `POST /table` and plan-job bodies are plain
/// `Codable` structs inside `LastMileServer` and are not fuzzed here (that would link Hummingbird).
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// OSM PBF (and anything else `OSMFileReader` recognises by content: gzip, XML).
    case pbf
    /// OSM XML through the same content-sniffing entry point.
    case osmXML = "osm-xml"
    /// Dispatch tables: the first byte picks the kind (depots, vehicle types, fleet, carriers, orders) and CSV
    /// or JSON; the rest is the file, parsed into records as `lastmile load` and `POST /v1/imports` do.
    case tables
    /// A VROOM problem (`lastmile solve x.json`, `POST /`), decoded and checked into a problem.
    case vroom
    /// A graph file's payload behind a valid header (length and CRC-32 fixed up, so mutations reach the
    /// section reader and the invariant check instead of stopping at the checksum).
    case graph
    /// A traffic profile: the first byte picks CSV or JSON.
    case traffic
    /// Closures or weather GeoJSON: the first byte picks which.
    case geojson
    /// Live events as JSON Lines (`lastmile events apply`, `POST /v1/live/{date}/events`).
    case events

    /// Feeds `bytes` to the target's reader; errors are the expected outcome for bad input and are ignored.
    public func run(_ bytes: UnsafeRawBufferPointer) {
        let data = Data(bytes)
        switch self {
        case .pbf, .osmXML:
            _ = try? OSMFileReader.read(bytes: Array(bytes), name: "fuzz.osm")
        case .tables:
            guard let selector = data.first else { return }
            let body = data.dropFirst()
            let kinds = DispatchFile.allCases
            let kind = kinds[Int(selector) % kinds.count]
            let file = "fuzz." + (selector & 0x80 == 0 ? "csv" : "json")
            switch kind {
            case .depots: _ = try? kind.read(body, file: file, as: DispatchRecords.depot)
            case .vehicleTypes: _ = try? kind.read(body, file: file, as: DispatchRecords.vehicleType)
            case .fleet: _ = try? kind.read(body, file: file, as: DispatchRecords.fleetVehicle)
            case .carriers: _ = try? kind.read(body, file: file, as: DispatchRecords.carrier)
            case .orders: _ = try? kind.read(body, file: file, as: DispatchRecords.order)
            case .rateCards: _ = try? RateCardFile.read(Data(body), file: file)
            }
        case .vroom:
            _ = try? VroomFormat.read(data, name: "fuzz.json")
        case .graph:
            var file = [UInt8](repeating: 0, count: 32)
            file.replaceSubrange(0..<8, with: RoadGraphFile.magic)
            withUnsafeBytes(of: RoadGraphFile.version.littleEndian) { file.replaceSubrange(8..<12, with: $0) }
            withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { file.replaceSubrange(16..<24, with: $0) }
            withUnsafeBytes(of: Zlib.crc32(bytes).littleEndian) { file.replaceSubrange(24..<28, with: $0) }
            file.append(contentsOf: bytes)
            _ = file.withUnsafeBytes { try? RoadGraphFile.read($0, name: "fuzz.graph") }
        case .traffic:
            guard let selector = data.first else { return }
            let text = String(decoding: data.dropFirst(), as: UTF8.self)
            if selector & 1 == 0 {
                _ = try? TrafficProfileReader.parseCSV(text, name: "fuzz.csv")
            } else {
                _ = try? TrafficProfileReader.parseJSON(text, name: "fuzz.json")
            }
        case .geojson:
            guard let selector = data.first else { return }
            if selector & 1 == 0 {
                _ = try? RoadClosure.parse(Data(data.dropFirst()), name: "fuzz.geojson")
            } else {
                _ = try? WeatherEvent.parse(Data(data.dropFirst()), name: "fuzz.geojson")
            }
        case .events:
            _ = try? LiveEventFile.read(data, file: "fuzz.jsonl")
        }
    }

    /// `fixtures/fuzz/<target>/`: the seeds and every finding (a crash reproducer once fixed), replayed by tests.
    public var fixtureFolder: URL { SharedData.repositoryRoot.appendingPathComponent("fixtures/fuzz/\(rawValue)") }
}
