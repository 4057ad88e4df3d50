import Foundation
import LastMileTestSupport
import Testing

/// Every committed seed and fuzz finding (`fixtures/fuzz/<target>/`) replayed through the entry point libFuzzer
/// drives (``FuzzTarget``): each must return (its reader accepts or refuses it), never crash. This is CI's
/// smoke of the fuzz targets; `Benchmarks/fuzz.sh` runs the fuzzers themselves.
@Suite struct FuzzRegressionTests {
    @Test(arguments: FuzzTarget.allCases)
    func everySeedAndFindingReplays(_ target: FuzzTarget) throws {
        let files = try FileManager.default.contentsOfDirectory(at: target.fixtureFolder, includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        #expect(!files.isEmpty, "no seeds in \(target.fixtureFolder.path)")
        for file in files {
            let data = try Data(contentsOf: file)
            data.withUnsafeBytes { target.run($0) }
        }
    }
}
