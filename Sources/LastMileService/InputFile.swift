import Foundation
import LastMileCore

/// Reading a file the user named, with the one message for a missing or unreadable file.
public enum InputFile {
    /// The bytes of `path`.
    ///
    /// - Parameter what: what the file holds, for the message ("orders file", "instance").
    /// - Throws: ``LastMileError`` (bad input) naming the file as given, saying what is wrong and what to do.
    public static func read(_ path: String, what: String) throws(LastMileError) -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw LastMileError(.badInput, "\(what) not found", at: ErrorLocation(file: path), hint: "check the path")
        }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw LastMileError(.badInput, "cannot read the \(what)", at: ErrorLocation(file: path),
                                hint: isFolder.boolValue ? "give a file, not a folder" : "check its permissions")
        }
        return data
    }
}
