/// Where an error is: a file and a line in it (or a record number, or a byte offset), a field, and the id of
/// the record. Every part is optional; the description joins those present as users read them:
/// `orders.csv:12: window_end (id O17)`, `porto.osm.pbf, byte offset 4096 (block 3)`.
public struct ErrorLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String?
    /// A 1-based text line.
    public var line: Int?
    /// Any other position ("record 3", "byte offset 4096 (block 3)"), when a line does not apply.
    public var position: String?
    /// The column, field or option.
    public var field: String?
    /// The external id of the record (an order, a vehicle, a depot).
    public var id: String?

    public init(file: String? = nil, line: Int? = nil, position: String? = nil, field: String? = nil, id: String? = nil) {
        self.file = file
        self.line = line
        self.position = position
        self.field = field
        self.id = id
    }

    public var description: String {
        var text = file ?? ""
        if let line { text += text.isEmpty ? "line \(line)" : ":\(line)" }
        if let position { text += text.isEmpty ? position : ", \(position)" }
        if let field { text += text.isEmpty ? field : ": \(field)" }
        if let id { text += text.isEmpty ? "id \(id)" : " (id \(id))" }
        return text
    }
}
