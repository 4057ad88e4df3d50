/// Units of one SKU a plan takes from one depot's stock.
public struct StockReservation: Sendable, Hashable {
    public var depotID: String
    public var sku: String
    public var quantity: Int

    public init(depotID: String, sku: String, quantity: Int) {
        self.depotID = depotID
        self.sku = sku
        self.quantity = quantity
    }
}
