import Foundation
import LastMileCore

/// An events file (JSON Lines, the schema of ``LiveEventWire``) read into typed events with their line numbers.
public enum LiveEventFile {
    /// One event and the 1-based line it came from.
    public struct Line: Hashable, Sendable {
        public var number: Int
        public var event: LiveEvent
    }

    /// The events of `data`, in file order; blank lines are skipped.
    ///
    /// - Throws: ``LastMileError`` (bad input) at `file:line` naming the field and the fix, for the first line
    ///   that is not JSON or not an event.
    public static func read(_ data: Data, file: String) throws(LastMileError) -> [Line] {
        var lines: [Line] = []
        for (index, text) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let wire: LiveEventWire
            do {
                wire = try JSONDecoder().decode(LiveEventWire.self, from: Data(trimmed.utf8))
            } catch let error as DecodingError {
                throw LastMileError(.badInput, "malformed event: \(error.readableDescription)", at: ErrorLocation(file: file, line: index + 1),
                                    hint: "write one JSON object per line with key, at and type (the README's \"Live events\")")
            } catch {
                throw LastMileError(.badInput, "malformed event: \(error)", at: ErrorLocation(file: file, line: index + 1))
            }
            do {
                lines.append(Line(number: index + 1, event: try wire.event()))
            } catch {
                throw error.lastMileError(file: file, line: index + 1, key: wire.key)
            }
        }
        return lines
    }

    /// `event` as one line of JSON with sorted keys: the form the event log stores.
    public static func line(_ event: LiveEvent) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(LiveEventWire(event))) ?? Data(), as: UTF8.self)
    }
}
