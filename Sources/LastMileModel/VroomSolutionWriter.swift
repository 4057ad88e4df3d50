import LastMileCore
import Foundation

extension VroomFormat {
    /// The solution in VROOM's output shape (`summary`, `routes` with `start`/`job`/`pickup`/`delivery`/
    /// `break`/`end` steps, `unassigned` with the reason), keys sorted so diffs are stable. Times come from
    /// ``RouteSchedule``; costs are VROOM cost units (rounded); loads are on board after each step.
    public static func write(_ solution: VRPSolution, for input: Input) -> String {
        let problem = input.problem
        let n = input.locationCount
        let partner = problem.partners
        func vroomCost(_ units: Int64) -> Int64 { (units + problem.costScale / 2) / problem.costScale }
        var routes: [[String: Any]] = []
        var totals = (cost: Int64(0), service: Int64(0), duration: Int64(0), waiting: Int64(0), distance: Int64(0))
        var delivered = [Int64](repeating: 0, count: problem.dimensions)
        var pickedUp = [Int64](repeating: 0, count: problem.dimensions)
        for (v, route) in solution.routes.enumerated() where !route.isEmpty {
            let vehicle = problem.vehicles[v]
            guard let schedule = RouteSchedule(route: route, vehicle: vehicle, problem: problem, leavingAsLateAsHelps: true) else {
                preconditionFailure("write only solutions the checker accepts: route of vehicle \(vehicle.id) has no schedule")
            }
            var load = [Int64](repeating: 0, count: problem.dimensions)
            for job in route where partner[job.position] == nil && problem.job(job).kind == .delivery {
                for d in load.indices { load[d] += problem.job(job).demand[d] }
            }
            var steps: [[String: Any]] = []
            if vehicle.startLocation.position < n {
                steps.append([
                    "type": "start", "location_index": vehicle.startLocation.position, "arrival": schedule.loadingStart, "duration": 0,
                    "service": vehicle.loadingTime, "load": load,
                ])
            }
            var travelled: Int64 = 0
            var location = vehicle.startLocation
            var service: Int64 = 0
            var nextBreak = 0
            var clock = schedule.departure
            func addBreaks(before visit: Int) {
                while nextBreak < schedule.breaks.count, schedule.breaks[nextBreak].afterVisits == visit {
                    let taken = schedule.breaks[nextBreak]
                    let driverBreak = vehicle.breaks[taken.index]
                    steps.append([
                        "type": "break", "id": Int64(driverBreak.id) ?? Int64(taken.index), "arrival": clock,
                        "duration": travelled, "service": driverBreak.duration, "waiting_time": taken.start - clock, "load": load,
                    ])
                    service += driverBreak.duration
                    clock = taken.start + driverBreak.duration
                    nextBreak += 1
                }
            }
            for (k, visit) in schedule.visits.enumerated() {
                addBreaks(before: k)
                let j = problem.job(visit.job)
                travelled += problem.time(location, j.location, by: vehicle)
                location = j.location
                let sign: Int64 = j.kind == .pickup ? 1 : -1
                for d in load.indices { load[d] += sign * j.demand[d] }
                if partner[visit.job.position] == nil {
                    for d in load.indices {
                        if j.kind == .pickup { pickedUp[d] += j.demand[d] } else { delivered[d] += j.demand[d] }
                    }
                }
                let id = input.jobIDs[visit.job.position]
                var step: [String: Any] = [
                    "type": input.jobTypes[visit.job.position], "id": id, "location_index": j.location.position, "arrival": visit.arrival,
                    "duration": travelled, "service": j.service, "waiting_time": visit.waiting, "load": load,
                ]
                if input.jobTypes[visit.job.position] == "job" { step["job"] = id }
                steps.append(step)
                service += j.service
                clock = visit.start + j.service
            }
            addBreaks(before: schedule.visits.count)
            travelled += problem.time(location, vehicle.endLocation, by: vehicle)
            if vehicle.endLocation.position < n {
                steps.append([
                    "type": "end", "location_index": vehicle.endLocation.position, "arrival": schedule.end, "duration": travelled, "load": load,
                ])
            }
            let cost = vroomCost(vehicle.fixedCost + schedule.travelCost)
            var entry: [String: Any] = [
                "vehicle": input.vehicleIDs[v], "cost": cost, "service": service, "duration": schedule.travelTime,
                "waiting_time": schedule.waiting, "steps": steps,
            ]
            if input.hasDistances { entry["distance"] = schedule.distance }
            routes.append(entry)
            totals = (
                totals.cost + cost, totals.service + service, totals.duration + schedule.travelTime,
                totals.waiting + schedule.waiting, totals.distance + schedule.distance
            )
        }
        var summary: [String: Any] = [
            "cost": totals.cost, "routes": routes.count, "unassigned": solution.unassigned.count, "delivery": delivered,
            "pickup": pickedUp, "service": totals.service, "duration": totals.duration, "waiting_time": totals.waiting,
        ]
        if input.hasDistances { summary["distance"] = totals.distance }
        let unassigned: [[String: Any]] = solution.unassigned.map { job in
            ["id": input.jobIDs[job.position], "type": input.jobTypes[job.position], "location_index": problem.job(job).location.position,
             "reason": UnassignedReason.explain(job, in: problem)]
        }
        let object: [String: Any] = ["code": 0, "summary": summary, "unassigned": unassigned, "routes": routes]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]) else {
            preconditionFailure("the VROOM output holds only numbers, strings, arrays and dictionaries")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
