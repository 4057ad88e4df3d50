/// What an order weighs and takes up, and what a vehicle carries: the solver's three load dimensions.
public struct Load: Hashable, Sendable {
    public var grams: Int64
    public var millilitres: Int64
    public var parcels: Int64

    public init(grams: Int64, millilitres: Int64, parcels: Int64) {
        self.grams = grams
        self.millilitres = millilitres
        self.parcels = parcels
    }

    /// The solver's demand / capacity vector, in this order.
    public var dimensions: [Int64] { [grams, millilitres, parcels] }

    public static let names = ["weight (g)", "volume (ml)", "parcels"]
}
