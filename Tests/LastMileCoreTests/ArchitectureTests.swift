import Foundation
import Testing

/// The README's dependency table says what `Package.swift` declares: every module and its direct dependencies,
/// and no module depends on one listed after it in the table's layers (dependencies point downward only).
@Suite struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every library and executable target of `Package.swift` with its dependencies (products by their name).
    static func declaredDependencies() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var result: [String: Set<String>] = [:]
        let targets = manifest.components(separatedBy: ".target(").dropFirst().map { ($0, false) }
            + manifest.components(separatedBy: ".executableTarget(").dropFirst().map { ($0, true) }
        for (text, _) in targets {
            let body = text.components(separatedBy: "swiftSettings")[0]
            guard let name = Self.firstQuoted(after: "name:", in: body) else { continue }
            var dependencies = Set<String>()
            if let list = body.components(separatedBy: "dependencies:").dropFirst().first {
                let listed = list.components(separatedBy: "]").first ?? ""
                for part in listed.components(separatedBy: ",") {
                    let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
                    if trimmed.hasPrefix(".product(") {
                        if let product = Self.firstQuoted(after: "name:", in: trimmed) { dependencies.insert(product) }
                    } else if let quoted = Self.firstQuoted(after: "", in: trimmed), !trimmed.hasPrefix("package:") {
                        dependencies.insert(quoted)
                    }
                }
            }
            result[name] = dependencies
        }
        return result
    }

    /// The README's `| module | depends on |` rows.
    static func documentedDependencies() throws -> [(module: String, dependencies: Set<String>)] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let table = readme.components(separatedBy: "| module | depends on |").dropFirst().first else { return [] }
        var rows: [(String, Set<String>)] = []
        for line in table.split(separator: "\n").dropFirst() {
            guard line.hasPrefix("| `") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let names = { (cell: String) in Set(cell.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)) }
            rows.append((names(cells[0]).first ?? "", names(cells[1])))
        }
        return rows
    }

    static func firstQuoted(after marker: String, in text: String) -> String? {
        guard let start = marker.isEmpty ? text.startIndex : text.range(of: marker)?.upperBound,
            let open = text[start...].firstIndex(of: "\""),
            let close = text[text.index(after: open)...].firstIndex(of: "\"")
        else { return nil }
        return String(text[text.index(after: open)..<close])
    }

    @Test func readmeTableMatchesThePackage() throws {
        let declared = try Self.declaredDependencies().filter { $0.key.hasPrefix("LastMile") && $0.key != "LastMileTestSupport" }
        let documented = try Self.documentedDependencies()
        #expect(!documented.isEmpty, "README.md has no '| module | depends on |' table")
        #expect(Set(documented.map(\.module)) == Set(declared.keys), "modules differ between README.md and Package.swift")
        for row in documented {
            #expect(row.dependencies == declared[row.module], "\(row.module): README lists \(row.dependencies.sorted()), Package.swift declares \(declared[row.module]?.sorted() ?? [])")
        }
    }

    @Test func dependenciesPointDownward() throws {
        let documented = try Self.documentedDependencies()
        let position = Dictionary(uniqueKeysWithValues: documented.enumerated().map { ($1.module, $0) })
        for (index, row) in documented.enumerated() {
            for dependency in row.dependencies {
                guard let other = position[dependency] else { continue }  // C shims and packages
                #expect(other < index, "\(row.module) depends on \(dependency), listed after it")
            }
        }
    }
}
