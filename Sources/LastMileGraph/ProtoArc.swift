/// A directed arc while the graph is being built, before nodes are renumbered into CSR form.
struct ProtoArc {
    var tail: Int32
    var head: Int32
    /// mm, ≥ 1.
    var length: UInt32
    /// ms, ≥ 1.
    var time: UInt32
    var roadClass: UInt8
    var flags: UInt8
    /// The arc's intermediate shape points are `shapes[shapeLower ..< shapeUpper]`, reversed when `shapeReversed`.
    var shapeLower: Int32
    var shapeUpper: Int32
    var shapeReversed: Bool
    /// Index of the OSM way in `OSMData.ways`, to resolve turn restrictions.
    var way: Int32
}
