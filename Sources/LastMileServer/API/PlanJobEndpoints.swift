import Foundation
import Hummingbird
import LastMileCore
import LastMileService

/// `POST /v1/plans/{date}` starts planning the date in the background (on the server's `--map`); the job's
/// status and its progress events are at `GET /v1/jobs/{id}`, and stream as server-sent events from
/// `GET /v1/jobs/{id}/events` (one `event: NAME` / `data: {JSON}` per step, then `event: end` with the
/// status, version or error). Admins and dispatchers plan; a date's plan covers every depot of the day.
struct PlanJobEndpoints {
    let service: LastMileService
    let networks: RoadNetworks?
    let jobs: PlanJobs

    /// The body of `POST /v1/plans/{date}`: the solver's budget (seconds, 10 by default), or a fixed number of
    /// iterations (repeatable plans), seed and threads.
    struct Request: Decodable {
        var time_limit: Double?
        var iterations: Int?
        var seed: UInt64?
        var threads: Int?
    }

    func register(on router: Router<LastMileRequestContext>) {
        router.post("v1/plans/:date") { request, context in
            let identity = try context.requireIdentity()
            guard identity.role.dispatches else { throw APIError(.forbidden, "plans are made by dispatchers and admins") }
            let date = try context.parameters.require("date")
            guard let networks else {
                throw APIError(.routingData, "this server has no roads to plan on", hint: "start `lastmile serve` with --map (an .osm.pbf)")
            }
            let body = try await JSONCoding.decode(Request.self, from: request, context: context)
            let settings = PlanningSettings(seed: body.seed ?? 1, timeLimit: body.time_limit ?? 10, iterations: body.iterations, threads: body.threads ?? 1)
            _ = try settings.solverConfiguration()
            let id = await jobs.start(date: date, settings: settings, roads: networks, service: service, keyID: identity.keyID)
            var response = try JSONCoding.response(["job": id, "status": "running", "events": "/v1/jobs/\(id)/events"], status: .accepted)
            response.headers[.location] = "/v1/jobs/\(id)"
            return response
        }
        router.get("v1/jobs/:job") { _, context in
            let job = try await job(context)
            return try JSONCoding.response(JobBody(job))
        }
        router.get("v1/jobs/:job/events") { _, context in
            let job = try await job(context)
            let jobs = self.jobs
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                var next = 0
                while true {
                    let (events, ended) = await jobs.events(of: job.id, from: next)
                    for event in events {
                        try await writer.write(ByteBuffer(string: "event: \(event.name)\ndata: \(String(decoding: try JSONCoding.encode(event.fields), as: UTF8.self))\n\n"))
                    }
                    next += events.count
                    if ended { break }
                }
                let final = await jobs.job(job.id, for: context.identity!).map(JobBody.init)
                try await writer.write(ByteBuffer(string: "event: end\ndata: \(String(decoding: try JSONCoding.encode(final?.summary), as: UTF8.self))\n\n"))
                try await writer.finish(nil)
            })
        }
    }

    private func job(_ context: LastMileRequestContext) async throws -> PlanJobs.Job {
        let identity = try context.requireIdentity()
        guard identity.role.dispatches else { throw APIError(.forbidden, "planning jobs are for dispatchers and admins") }
        let id = try context.parameters.require("job")
        guard let job = await jobs.job(id, for: identity) else { throw APIError(.notFound, "no job '\(id)' for this key", field: "job") }
        return job
    }

    struct JobBody: Encodable {
        struct Summary: Encodable {
            var status: PlanJobs.Status
            var version: Int?
            var error: String?
        }
        var job: String, date: String, status: PlanJobs.Status
        var version: Int?
        var error: String?
        var events: [PlanJobs.Event]

        init(_ job: PlanJobs.Job) {
            self.job = job.id
            date = job.date
            status = job.status
            version = job.version
            error = job.error?.description
            events = job.events
        }

        var summary: Summary { Summary(status: status, version: version, error: error) }
    }
}
