import LastMileCore

/// Tag of ``LocationIndex``: a row (and column) of the problem's matrices.
public enum LocationTag: Sendable {}
/// Tag of ``JobIndex``: a position in ``VRPProblem/jobs``.
public enum JobTag: Sendable {}
/// Tag of ``VehicleIndex``: a position in ``VRPProblem/vehicles``.
public enum VehicleTag: Sendable {}
/// Tag of ``ProfileIndex``: a position in ``VRPProblem/profiles``.
public enum ProfileTag: Sendable {}

/// A location of a problem: a row and column of every matrix of its travel profiles.
public typealias LocationIndex = DenseIndex<LocationTag>
/// A job of a problem, by its position in ``VRPProblem/jobs``.
public typealias JobIndex = DenseIndex<JobTag>
/// A vehicle of a problem, by its position in ``VRPProblem/vehicles`` (and in ``VRPSolution/routes``).
public typealias VehicleIndex = DenseIndex<VehicleTag>
/// A travel profile of a problem (car, cargo bike, truck), by its position in ``VRPProblem/profiles``.
public typealias ProfileIndex = DenseIndex<ProfileTag>
