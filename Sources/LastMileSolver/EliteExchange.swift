import Foundation

/// Where parallel search chains meet to share their best solutions (``SolverConfiguration/eliteExchanges``).
///
/// At each meeting every chain still searching offers its best solution and waits until each of the others
/// has offered too or has finished; then the best offer (fewest unassigned jobs, lowest objective, ties to
/// the lower chain) is returned to all of them. The chains meet at fixed fractions of the run, so with an
/// iteration limit they meet at fixed iterations and the run stays deterministic for a seed.
///
/// Locked: chains call it from their own threads; it holds only the offers of the meeting in progress.
final class EliteExchange: @unchecked Sendable {
    /// A chain's best solution and its objective (cost units, unassigned penalties included).
    struct Offer {
        var state: SearchState
        var objective: Int64
        var chain: Int

        /// Whether this offer beats `other`: fewer unassigned jobs, then a lower objective, then the lower chain.
        func isBetter(than other: Offer) -> Bool {
            (state.unassigned.count, objective, chain) < (other.state.unassigned.count, other.objective, other.chain)
        }
    }

    private let condition = NSCondition()
    /// Chains that have not finished; a meeting closes when each of them has offered.
    private var searching: Int
    /// The offers of the meeting in progress.
    private var offers: [Offer] = []
    /// Meetings closed so far, and the best offer of the last one.
    private var closed = 0
    private var elite: Offer?

    init(chains: Int) {
        searching = chains
    }

    /// Offers `offer` at the next meeting and returns that meeting's best offer, once every chain still
    /// searching has offered.
    func meet(_ offer: Offer) -> Offer {
        condition.lock()
        defer { condition.unlock() }
        offers.append(offer)
        let meeting = closed
        if offers.count >= searching {
            close()
        } else {
            while closed == meeting { condition.wait() }
        }
        return elite ?? offer
    }

    /// The calling chain has finished: the meetings no longer wait for it.
    func leave() {
        condition.lock()
        defer { condition.unlock() }
        searching -= 1
        if !offers.isEmpty, offers.count >= searching { close() }
    }

    private func close() {
        elite = offers.dropFirst().reduce(offers[0]) { $1.isBetter(than: $0) ? $1 : $0 }
        offers.removeAll()
        closed += 1
        condition.broadcast()
    }
}
