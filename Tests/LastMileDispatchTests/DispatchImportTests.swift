import Foundation
import LastMileCore
import LastMileDispatch
import LastMileDomain
import LastMileSampleTown
import LastMileStore
import LastMileTestSupport
import Testing

/// Input files: the CSV/JSON reader, every bad row reported with line, column and reason (golden reports),
/// all-or-nothing imports and `--skip-invalid`.
@Suite struct DispatchImportTests {
    static func data(_ name: String) throws -> Data { try Data(contentsOf: SharedData.fixture("dispatch/\(name)")) }

    /// A store with the sample day's depots, vehicle types and carriers.
    static func storeWithSampleFleetData() throws -> Store {
        let store = try Store()
        for (kind, csv) in SampleDay.files(date: "2026-11-23", orderCount: 10) where kind != "orders" && kind != "fleet" && kind != "rate-cards" {
            _ = try store.importFile(DispatchFile(rawValue: kind)!, data: Data(csv.utf8), file: "\(kind).csv")
        }
        return store
    }

    @Test func csvReaderHandlesQuotesNewlinesAndCRLF() throws {
        let text = "id,name\r\n1,\"Smith, Jo\"\r\n2,\"two\nlines\"\r\n3,\"say \"\"hi\"\"\"\r\n\r\n"
        let rows = try InputTable.rows(of: Data(text.utf8), file: "t.csv", columns: ["id", "name"])
        #expect(rows.map(\.line) == [2, 3, 5])
        #expect(rows.map { $0.fields["name"]! } == ["Smith, Jo", "two\nlines", "say \"hi\""])
        #expect { try InputTable.rows(of: Data("id,nmae\n1,x\n".utf8), file: "t.csv", columns: ["id", "name"]) } throws: {
            "\($0)".contains("t.csv:1: nmae: unknown column; expected id, name")
        }
        #expect { try InputTable.rows(of: Data("id,name\n1,x,y\n".utf8), file: "t.csv", columns: ["id", "name"]) } throws: {
            "\($0)".contains("t.csv:2: has 3 fields, the header has 2")
        }
        #expect { try InputTable.rows(of: Data("id,name\n1,\"open\n".utf8), file: "t.csv", columns: ["id", "name"]) } throws: {
            "\($0)".contains("never closed")
        }
    }

    /// The header is checked on its own: a file without rows still names every required column and no unknown
    /// one; a correct header without rows is an empty file of that kind.
    @Test func headersAreCheckedEvenWithoutRows() throws {
        func issues(_ text: String, file: String = "orders.csv") -> [String] {
            do throws(InputReport) {
                _ = try DispatchFile.orders.read(Data(text.utf8), file: file, as: DispatchRecords.order)
                return []
            } catch {
                return error.issues.map(\.description)
            }
        }
        let onlyX = issues("x\n")
        #expect(onlyX.count == 10, "\(onlyX)")
        #expect(onlyX.first == "orders.csv:1: id: missing column; the header must name id, date, lat, lon, items, weight_kg, volume_litres, "
            + "window_start, window_end")
        #expect(onlyX.last?.hasPrefix("orders.csv:1: x: unknown column; expected id, date, lat") == true)
        #expect(issues("id,date,lat,lon\n").map { $0.split(separator: ":")[2] } == [" items", " weight_kg", " volume_litres", " window_start", " window_end"])
        let complete = "id,date,lat,lon,items,weight_kg,volume_litres,window_start,window_end,priority\n"
        #expect(issues(complete).isEmpty)
        #expect(issues(complete.replacingOccurrences(of: "priority", with: "priorty")) == [
            "orders.csv:1: priorty: unknown column; expected " + DispatchFile.orders.columns.joined(separator: ", "),
        ])
        #expect(issues("[{\"id\": \"O-1\", \"colour\": \"red\"}]", file: "orders.json").contains("orders.json record 1: colour: unknown column; "
            + "expected " + DispatchFile.orders.columns.joined(separator: ", ")))
        #expect(issues("[]", file: "orders.json").isEmpty)
        #expect { try DispatchFile.orders.read(Data("x\n".utf8), file: "orders.csv", as: DispatchRecords.order) } throws: {
            let error = ($0 as? InputReport)?.lastMileError
            return error?.hint?.contains("name the columns") == true && error?.message.hasSuffix("(10 columns)") == true
        }
        for kind in DispatchFile.allCases {
            #expect(kind.requiredColumns == Array(kind.columns.prefix(kind.requiredColumns.count)) && !kind.requiredColumns.isEmpty)
        }
    }

    /// Every bad row of an orders file is reported (golden report) and nothing is stored; with skipInvalid
    /// the good rows go in and the report lists the others.
    @Test func badOrdersAreReportedRowByRowAndNothingIsStored() throws {
        let store = try Store()
        var report: InputReport?
        do {
            _ = try store.importFile(.orders, data: try Self.data("orders-bad.csv"), file: "orders-bad.csv")
        } catch let error as InputReport {
            report = error
        }
        let found = try #require(report)
        try Golden.assertMatches(found.description + "\n", file: "dispatch/orders-bad.report.txt")
        #expect(try store.day("2026-11-23").orders.isEmpty)

        let summary = try store.importFile(.orders, data: try Self.data("orders-bad.csv"), file: "orders-bad.csv", skipInvalid: true)
        #expect(summary.imported == 2)
        #expect(summary.skipped.map(\.description) == found.issues.map(\.description))
        let day = try store.day("2026-11-23")
        #expect(day.orders.map(\.id) == ["O-1", "O-7"])
        #expect(day.orders[1].customer == "Gus \"the\" Grocer" && day.orders[1].items.map(\.quantity) == [1, 2])
    }

    /// JSON fleet rows that name missing depots or vehicle types, or have a shift ending before it starts,
    /// refuse the file with record numbers; the valid first record is not stored either.
    @Test func fleetReferencesAreChecked() throws {
        let store = try Self.storeWithSampleFleetData()
        var report: InputReport?
        do {
            _ = try store.importFile(.fleet, data: try Self.data("fleet-bad.json"), file: "fleet-bad.json")
        } catch let error as InputReport {
            report = error
        }
        let found = try #require(report)
        try Golden.assertMatches(found.description + "\n", file: "dispatch/fleet-bad.report.txt")
        #expect(try store.day("2026-11-23").vehicles.isEmpty)
    }

    /// A fleet file may give a vehicle a shift (and driver) for one date; other days keep the every-day shift.
    @Test func shiftsForOneDateOverrideTheEveryDayShift() throws {
        let store = try Self.storeWithSampleFleetData()
        let fleet = """
            id,type,depot,carrier,driver,shift_start,shift_end,date
            VAN-1,van,MFC-WEST,citylog,Ann,07:00,15:00,
            VAN-1,van,MFC-WEST,citylog,Ben,10:00,18:00,2026-11-24
            """
        _ = try store.importFile(.fleet, data: Data(fleet.utf8), file: "fleet.csv")
        let usual = try #require(try store.day("2026-11-23").vehicles.first)
        let special = try #require(try store.day("2026-11-24").vehicles.first)
        #expect(usual.driver == "Ann" && usual.shiftStart == TimeOfDay(hours: 7) && usual.date == nil)
        #expect(special.driver == "Ben" && special.shiftStart == TimeOfDay(hours: 10) && special.date == "2026-11-24")
        let twice = fleet + "\nVAN-1,van,MFC-WEST,citylog,Cy,11:00,19:00,2026-11-24\n"
        #expect { try store.importFile(.fleet, data: Data(twice.utf8), file: "fleet.csv") } throws: {
            "\($0)".contains("fleet.csv:4: id: 'VAN-1' was already used on line 3")
        }
    }
}
