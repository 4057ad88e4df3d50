import Hummingbird
import LastMileCore

/// `GET /v1/roads?bbox=south,west,north,east&zoom=Z`: the loaded graph's roads in the box, simplified by zoom
/// (``RoadLayer``), the console's default base layer. Any key; 404 when the server has no roads.
struct RoadLayerEndpoint {
    let layer: RoadLayer?

    func register(on router: Router<LastMileRequestContext>) {
        router.get("v1/roads") { request, context in
            _ = try context.requireIdentity()
            guard let layer else {
                throw APIError(.notFound, "this server has no roads to draw", hint: "start `lastmile serve` with --graph or --map, or give --tiles")
            }
            let parameters = request.uri.queryParameters
            let box = (parameters["bbox"].map(String.init) ?? "").split(separator: ",").compactMap { Double($0) }
            guard box.count == 4, box[0] <= box[2], box[1] <= box[3] else {
                throw APIError(.badInput, "bbox must be south,west,north,east in degrees", field: "bbox")
            }
            guard let zoom = parameters["zoom"].flatMap({ Int(String($0)) }), (0...22).contains(zoom) else {
                throw APIError(.badInput, "zoom must be an integer 0…22", field: "zoom")
            }
            return try JSONCoding.response(layer.answer(south: box[0], west: box[1], north: box[2], east: box[3], zoom: zoom))
        }
    }
}
