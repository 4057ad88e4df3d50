/// What the annealing did with its ruin-and-recreate candidates: how many the local search improved, and how
/// many of those came back at the current solution's cost, work that found nothing new. On long routes
/// (Solomon type 2, Gehring–Homberger R2) two thirds or more of the searched candidates come back
/// (Benchmarks/README.md, "Issue 10, eighth session").
///
/// Counts of the annealing phase (fleet minimisation not included), summed over the chains; the same seed and
/// iteration count give the same counts.
public struct SearchStatistics: Sendable, Equatable {
    /// Candidates built by ruin and recreate.
    public var candidates = 0
    /// Candidates whose recreation put every removed job back where it was (before the search).
    public var unchangedRecreations = 0
    /// Candidates of the penalised chain left late or overloaded by the search (``SolverConfiguration/penalisedSearch``).
    public var infeasible = 0
    /// Candidates given to the local search (``LocalSearchPolicy``).
    public var searched = 0
    /// Searched candidates that came back at the current solution's cost.
    public var searchedBackToCurrent = 0
    /// Candidates the annealing accepted.
    public var accepted = 0
    /// Accepted candidates better than every solution before them.
    public var newBests = 0
    /// Meetings of parallel chains (``EliteExchange``) at which a chain took another's better solution.
    public var adoptedElites = 0

    public init() {}

    /// The counts of two runs added up.
    static func + (a: SearchStatistics, b: SearchStatistics) -> SearchStatistics {
        var sum = a
        sum.candidates += b.candidates
        sum.unchangedRecreations += b.unchangedRecreations
        sum.infeasible += b.infeasible
        sum.searched += b.searched
        sum.searchedBackToCurrent += b.searchedBackToCurrent
        sum.accepted += b.accepted
        sum.newBests += b.newBests
        sum.adoptedElites += b.adoptedElites
        return sum
    }
}
