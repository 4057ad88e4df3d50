import LastMileDomain

/// What an input file holds: one of the day's record files, or the jobs of a VROOM problem as orders.
public enum InputKind: Sendable, Hashable {
    case records(DispatchFile)
    /// VROOM jobs as orders of this date (YYYY-MM-DD).
    case vroomJobs(date: String)

    /// The names `lastmile load` accepts.
    public static var names: [String] { DispatchFile.allCases.map(\.rawValue) + ["vroom"] }

    public var name: String {
        switch self {
        case .records(let file): file.rawValue
        case .vroomJobs: "vroom"
        }
    }
}
