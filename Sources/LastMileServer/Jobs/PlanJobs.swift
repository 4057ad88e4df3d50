import Foundation
import LastMileCore
import LastMileDomain
import LastMileService

/// Plans being made in the background for `POST /v1/plans/{date}`: each job plans the date on the server's
/// roads (on a dispatch queue, off Swift concurrency's pool), commits the checked plan as the date's next
/// version, and keeps every progress event in order for `GET /v1/jobs/{id}` and the server-sent events of
/// `GET /v1/jobs/{id}/events`. Jobs live as long as the server; a job is visible to the key that started it
/// and to admins.
actor PlanJobs {
    enum Status: String, Encodable, Sendable { case running, done, failed }

    /// One progress event, as sent.
    struct Event: Encodable, Sendable {
        var name: String
        var fields: [String: JSONValue]
    }

    struct Job: Sendable {
        var id: String
        var keyID: String
        var date: String
        var status: Status
        var events: [Event]
        var version: Int?
        var error: LastMileError?
    }

    private var jobs: [String: Job] = [:]
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]
    private var counter = 0

    /// Starts planning `date`; returns the job's id at once.
    func start(date: String, settings: PlanningSettings, roads: RoadNetworks, service: LastMileService, keyID: String) -> String {
        counter += 1
        let id = "plan-\(date)-\(counter)"
        jobs[id] = Job(id: id, keyID: keyID, date: date, status: .running, events: [], version: nil, error: nil)
        let (updates, continuation) = AsyncStream<Update>.makeStream()
        Task { for await update in updates { apply(update, to: id) } }
        DispatchQueue.global(qos: .userInitiated).async {
            do throws(LastMileError) {
                let (plan, _) = try service.plan(date: date, roads: roads, settings: settings) { continuation.yield(.event($0)) }
                let version = try service.commit(plan)
                continuation.yield(.event(.stored(date: date, version: version.version)))
                continuation.yield(.done(version.version))
            } catch {
                continuation.yield(.failed(error))
            }
            continuation.finish()
        }
        return id
    }

    /// The job `id` as `identity` may see it (`nil`: no such job, or another key's and not an admin's).
    func job(_ id: String, for identity: APIIdentity) -> Job? {
        guard let job = jobs[id], identity.role == .admin || job.keyID == identity.keyID else { return nil }
        return job
    }

    /// The job's events from index `start` on, waiting until there is at least one or the job has ended.
    func events(of id: String, from start: Int) async -> (events: [Event], ended: Bool) {
        while let job = jobs[id], job.events.count <= start, job.status == .running {
            await withCheckedContinuation { waiters[id, default: []].append($0) }
        }
        guard let job = jobs[id] else { return ([], true) }
        return (Array(job.events.dropFirst(start)), job.status != .running)
    }

    /// What the planning thread reports, in order.
    private enum Update: Sendable {
        case event(ServiceEvent), done(Int), failed(LastMileError)
    }

    private func apply(_ update: Update, to id: String) {
        switch update {
        case .event(let event):
            let (name, fields) = event.named
            jobs[id]?.events.append(Event(name: name, fields: fields))
        case .done(let version):
            ServerMetrics.planFinished(status: "done")
            jobs[id]?.status = .done
            jobs[id]?.version = version
        case .failed(let error):
            ServerMetrics.planFinished(status: "failed")
            jobs[id]?.status = .failed
            jobs[id]?.error = error
        }
        for waiter in waiters.removeValue(forKey: id) ?? [] { waiter.resume() }
    }
}
