import Foundation
import LastMileDomain
import LastMileService
import Testing

/// The dispatcher's VROOM import reads files with the model's VROOM reader, so both report a malformed file alike.
@Suite struct VroomOrdersTests {
    /// The file's issues: the one that stops the import, or those of single records.
    func issues(_ json: String) -> [String] {
        do {
            return try VroomOrders.read(Data(json.utf8), file: "v.json", date: "2026-11-23").issues.map(\.description)
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func malformedFilesNameTheField() {
        #expect(issues(#"{"vehicles": []}"#) == ["v.json: has no 'jobs' array; a VROOM problem lists its jobs there"])
        #expect(issues(#"{"jobs": [{"id": "seven", "location": [8.0, 47.0]}]}"#).first?.hasPrefix("v.json: wrong type at .jobs[0].id") == true)
        #expect(issues(#"{"jobs": [{"location": [8.0, 47.0]}]}"#) == ["v.json: missing field 'id' at .jobs[0]"])
        #expect(issues(#"{"jobs": [{"id": 1, "location": [8.0, 47.0]}, {"id": 1, "location": [8.0, 47.0]}]}"#)
            == ["v.json record 2: id: '1' is used by an earlier job"])
    }
}
