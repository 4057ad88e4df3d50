import Foundation
import LastMileCore
import LastMileDomain
import LastMileOSM
import LastMileService
import LastMileTestSupport
import Testing

/// The README's limits, each tried at the limit (accepted) and one past it (a bad-input error that names the
/// limit and the way under it), without reading or allocating what lies beyond.
@Suite struct InputLimitsTests {
    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-limits-\(UUID().uuidString)-\(name)")
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let url = Self.temporaryFile("orders.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(InputLimits.maxFileBytes + 1))  // sparse: nothing is written
        try handle.close()
        let error = #expect(throws: LastMileError.self) { try InputFile.read(url.path, what: "orders file") }
        #expect(error?.category == .badInput)
        #expect(error?.message == "the orders file is 268435457 bytes, over the limit of 256 MiB")
        #expect(error?.hint?.contains("split") == true)
    }

    @Test func aFileAtTheSizeLimitIsRead() throws {
        let url = Self.temporaryFile("carriers.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = "id,name\nparcelco,Parcel Co\n"
        try Data(text.utf8).write(to: url)
        #expect(try InputFile.read(url.path, what: "carriers file", maxBytes: text.utf8.count).count == text.utf8.count)
        let error = #expect(throws: LastMileError.self) { try InputFile.read(url.path, what: "carriers file", maxBytes: text.utf8.count - 1) }
        #expect(error?.message == "the carriers file is 27 bytes, over the limit of 26 bytes")
    }

    @Test func tablesStopAtTheRowLimitNamingTheFirstRowPastIt() throws {
        let rows = (1...3).map { "c\($0),Carrier \($0)" }
        let data = Data((["id,name"] + rows).joined(separator: "\n").utf8)
        #expect(try InputTable.rows(of: data, file: "carriers.csv", columns: ["id", "name"], maxRows: 3).count == 3)
        let report = #expect(throws: InputReport.self) {
            try InputTable.rows(of: data, file: "carriers.csv", columns: ["id", "name"], maxRows: 2)
        }
        #expect(report?.issues.map(\.description) == ["carriers.csv:4: more than 2 rows (the limit of one file); split the file and load each part"])
        #expect(InputLimits.maxTableRows == 1_000_000)
    }

    @Test func gzipStopsAtTheInflatedLimit() throws {
        let plain = [UInt8](repeating: UInt8(ascii: "x"), count: 100_000)
        let compressed = Zlib.deflate(plain)  // a zlib stream: gunzip accepts it as gzip does
        #expect(try Zlib.gunzip(compressed, maxOutput: plain.count) == plain)
        let failure = #expect(throws: Zlib.Failure.self) { try Zlib.gunzip(compressed, maxOutput: plain.count - 1) }
        #expect(failure?.description.contains("inflates to more than 97.7 KiB (the limit)") == true, "\(String(describing: failure))")
    }

    @Test func aMatrixOverTheLocationLimitIsRefusedBeforeRouting() throws {
        let url = Self.temporaryFile("points.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let row = "46.993354,7.991468"
        try Data((["lat,lon"] + Array(repeating: row, count: InputLimits.maxMatrixLocations + 1)).joined(separator: "\n").utf8).write(to: url)
        let roads = try RoadQueries(graph: try RoadNetworks.sampleTown().car)
        let points = try roads.snapEvery(try PointsFile.read(url.path), maxDistance: 10_000)
        let error = #expect(throws: LastMileError.self) { try roads.matrix(points, engine: .cch) }
        #expect(error?.message == "20001 locations, over the limit of 20000 for one matrix")
        #expect(error?.category == .badInput)
    }
}
