import Foundation
import LastMileCore
import LastMileService
import Testing

/// Points files are read like the dispatcher's input files: quoted fields, extra columns, `file:line` and the
/// column in errors, and a file without points is bad input.
@Suite struct PointsFileTests {
    /// Writes `text` to a fresh temporary file named `name` and reads it.
    static func read(_ text: String, name: String = "q.csv") throws(LastMileError) -> (path: String, points: PointsFile) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-points-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        return (path, try PointsFile.read(path))
    }

    static func error(_ text: String) -> LastMileError? {
        do { _ = try read(text) } catch { return error }
        return nil
    }

    @Test func quotedFieldsAndExtraColumnsAreRead() throws {
        let (path, points) = try Self.read("id,name,lat,lon\nA,\"Smith, J.\",47.0,8.0\n\"B\",\"say \"\"hi\"\"\",47.5,-8.25\n")
        #expect(points.ids == ["A", "B"])
        #expect(points.coordinates == [
            Coordinate(latitudeE7: 470_000_000, longitudeE7: 80_000_000), Coordinate(latitudeE7: 475_000_000, longitudeE7: -82_500_000),
        ])
        #expect(points.names == ["id 'A' (\(path):2)", "id 'B' (\(path):3)"])
        let unnamed = try Self.read("lon,lat\n8.0,47.0\n8.1,47.1\n").points
        #expect(unnamed.ids == ["0", "1"])
    }

    @Test func badRowsNameTheirLineAndColumn() throws {
        let error = try #require(Self.error("lat,lon\n47.0,8.0\n91,8.0\n47.0,x\n"))
        #expect(error.category == .badInput)
        #expect(error.location?.line == 3 && error.location?.field == "lat")
        #expect(error.headline.hasSuffix("q.csv:3: lat: '91' is not a number in -90.0...90.0 (use a dot for decimals)"), "\(error.headline)")
        #expect(error.details.count == 1 && error.details[0].hasSuffix("q.csv:4: lon: 'x' is not a number in -180.0...180.0 (use a dot for decimals)"))
    }

    @Test func aFileWithoutPointsOrWithoutPositionColumnsIsBadInput() throws {
        let empty = try #require(Self.error("id,lat,lon\n"))
        #expect(empty.category == .badInput && empty.message == "the points file has no points")
        let noLon = try #require(Self.error("id,lat\nA,47.0\n"))
        #expect(noLon.category == .badInput && noLon.location?.line == 1 && noLon.location?.field == "lon", "\(noLon)")
        let nothing = try #require(Self.error(""))
        #expect(nothing.category == .badInput && nothing.location?.line == 1, "\(nothing)")
    }
}
