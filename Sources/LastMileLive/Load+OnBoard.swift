import LastMileDomain

extension Load {
    static let empty = Load(grams: 0, millilitres: 0, parcels: 0)

    static func + (a: Load, b: Load) -> Load {
        Load(grams: a.grams + b.grams, millilitres: a.millilitres + b.millilitres, parcels: a.parcels + b.parcels)
    }

    static func - (a: Load, b: Load) -> Load {
        Load(grams: a.grams - b.grams, millilitres: a.millilitres - b.millilitres, parcels: a.parcels - b.parcels)
    }

    /// Whether no dimension is negative.
    var isNonNegative: Bool { grams >= 0 && millilitres >= 0 && parcels >= 0 }
}
