import Foundation
import LastMileCore

/// Reading a file the user named, with the one message for a missing or unreadable file.
public enum InputFile {
    /// The bytes of `path`.
    ///
    /// - Parameter what: what the file holds, for the message ("orders file", "instance").
    /// - Throws: ``LastMileError`` (bad input) naming the file as given, saying what is wrong and what to do;
    ///   a file over `maxBytes` (``InputLimits/maxFileBytes``) is refused before it is read.
    public static func read(_ path: String, what: String, maxBytes: Int = InputLimits.maxFileBytes) throws(LastMileError) -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw LastMileError(.badInput, "\(what) not found", at: ErrorLocation(file: path), hint: "check the path")
        }
        if !isFolder.boolValue, let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int {
            try checkSize(size, of: path, what: what, maxBytes: maxBytes)
        }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw LastMileError(.badInput, "cannot read the \(what)", at: ErrorLocation(file: path),
                                hint: isFolder.boolValue ? "give a file, not a folder" : "check its permissions")
        }
        try checkSize(data.count, of: path, what: what, maxBytes: maxBytes)  // a file that grew while being read
        return data
    }

    /// Refuses a file of `size` bytes over `maxBytes`.
    static func checkSize(_ size: Int, of path: String, what: String, maxBytes: Int) throws(LastMileError) {
        guard size > maxBytes else { return }
        throw LastMileError(.badInput, "the \(what) is \(size) bytes, over the limit of \(InputLimits.describe(bytes: maxBytes))",
                            at: ErrorLocation(file: path), hint: "split it into several files (each loads on its own)")
    }
}
