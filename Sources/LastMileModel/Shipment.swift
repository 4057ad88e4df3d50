import LastMileCore

/// A pickup-and-delivery pair: both jobs on the same vehicle, the pickup before the delivery, carrying the
/// pickup's demand between them. Indices into ``VRPProblem/jobs``; the pickup job has kind `.pickup`, the
/// delivery job kind `.delivery` and the same demand.
public struct Shipment: Hashable, Sendable {
    public var pickup: JobIndex
    public var delivery: JobIndex

    public init(pickup: JobIndex, delivery: JobIndex) {
        self.pickup = pickup
        self.delivery = delivery
    }
}
