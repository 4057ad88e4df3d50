/// A delivery company whose vehicles and drivers serve runs; cost reports group by it.
public struct Carrier: Hashable, Sendable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
