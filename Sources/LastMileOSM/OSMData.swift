import LastMileCore

/// One `key=value` tag of an OSM element.
public struct OSMTag: Hashable, Sendable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

extension Array where Element == OSMTag {
    /// The value of the first tag with `key`, if any.
    public subscript(key: String) -> String? {
        first(where: { $0.key == key })?.value
    }
}

/// The node positions of an OSM file, as parallel arrays (`ids[i]` is at `coordinates[i]`).
///
/// Node tags are not kept: the road profile reads ways and relations only.
public struct OSMNodes: Sendable {
    public var ids: [Int64] = []
    public var coordinates: [Coordinate] = []

    public init() {}

    public var count: Int { ids.count }

    public mutating func append(id: Int64, coordinate: Coordinate) {
        ids.append(id)
        coordinates.append(coordinate)
    }

    public mutating func append(contentsOf other: OSMNodes) {
        ids.append(contentsOf: other.ids)
        coordinates.append(contentsOf: other.coordinates)
    }
}

/// An OSM way: its tags and the ids of its nodes, in order.
public struct OSMWay: Sendable {
    public var id: Int64
    public var tags: [OSMTag]
    public var nodeIDs: [Int64]

    public init(id: Int64, tags: [OSMTag], nodeIDs: [Int64]) {
        self.id = id
        self.tags = tags
        self.nodeIDs = nodeIDs
    }
}

/// An OSM relation: its tags and members.
public struct OSMRelation: Sendable {
    /// The kind of element a member refers to.
    public enum MemberKind: UInt8, Sendable {
        case node = 0
        case way = 1
        case relation = 2
    }

    /// One member: a reference to another element, with a role such as `from`, `via` or `to`.
    public struct Member: Hashable, Sendable {
        public var kind: MemberKind
        public var ref: Int64
        public var role: String

        public init(kind: MemberKind, ref: Int64, role: String) {
            self.kind = kind
            self.ref = ref
            self.role = role
        }
    }

    public var id: Int64
    public var tags: [OSMTag]
    public var members: [Member]

    public init(id: Int64, tags: [OSMTag], members: [Member]) {
        self.id = id
        self.tags = tags
        self.members = members
    }
}

/// Which ways and relations a reader keeps. Deciding early keeps memory low on big extracts: most ways of a
/// full extract are buildings and land use.
public struct OSMReadFilter: Sendable {
    public var keepWay: @Sendable ([OSMTag]) -> Bool
    public var keepRelation: @Sendable ([OSMTag]) -> Bool

    public init(
        keepWay: @escaping @Sendable ([OSMTag]) -> Bool,
        keepRelation: @escaping @Sendable ([OSMTag]) -> Bool
    ) {
        self.keepWay = keepWay
        self.keepRelation = keepRelation
    }

    /// Keeps everything.
    public static let all = OSMReadFilter(keepWay: { _ in true }, keepRelation: { _ in true })
}

/// What a reader returns: every node position, and the ways and relations the filter kept, in file order.
public struct OSMData: Sendable {
    public var nodes = OSMNodes()
    public var ways: [OSMWay] = []
    public var relations: [OSMRelation] = []

    public init() {}

    public init(nodes: OSMNodes, ways: [OSMWay], relations: [OSMRelation]) {
        self.nodes = nodes
        self.ways = ways
        self.relations = relations
    }
}
