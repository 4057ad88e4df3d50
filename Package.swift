// swift-tools-version: 6.1
import PackageDescription

/// Settings shared by every Swift target: Swift 6 language mode (strict concurrency) plus upcoming features
/// that keep existentials and imports explicit.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "LastMile",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lastmile", targets: ["LastMileCLI"]),
        .library(name: "LastMileGraph", targets: ["LastMileGraph"]),
        // For the fuzzing package (`Fuzz/`), which drives the readers through `FuzzTarget`.
        .library(name: "LastMileTestSupport", targets: ["LastMileTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C libraries from Debian: libproj-dev, zlib1g-dev.
        .systemLibrary(name: "CProj", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Units, typed indices, coordinates, seeded randomness. No dependencies.
        .target(name: "LastMileCore", swiftSettings: swiftSettings),
        // PROJ transforms, UTM zone choice, distances on the sphere.
        .target(name: "LastMileGeo", dependencies: ["LastMileCore", "CProj"], swiftSettings: swiftSettings),
        // OpenStreetMap files: PBF and XML readers, PBF writer, zlib.
        .target(name: "LastMileOSM", dependencies: ["LastMileCore", "CZlib"], swiftSettings: swiftSettings),
        // Car profile, road graph (CSR), turn restrictions, SCC pruning, graph file, snapping, Dijkstra.
        .target(
            name: "LastMileGraph",
            dependencies: ["LastMileCore", "LastMileGeo", "LastMileOSM", "CZlib"],
            swiftSettings: swiftSettings
        ),
        // Vehicle routing problems and solutions as plain values, benchmark readers, the independent plan checker.
        .target(name: "LastMileModel", dependencies: ["LastMileCore"], swiftSettings: swiftSettings),
        // The vehicle routing solver: ruin and recreate (SISR) with simulated annealing. Knows only LastMileModel.
        .target(name: "LastMileSolver", dependencies: ["LastMileCore", "LastMileModel"], swiftSettings: swiftSettings),
        // Customizable contraction hierarchies, Dijkstra, many-to-many matrices, routes with geometry.
        .target(name: "LastMileRouting", dependencies: ["LastMileCore", "LastMileGeo", "LastMileGraph"], swiftSettings: swiftSettings),
        // A dispatcher's day as records: depots with stock, vehicle types, fleet and shifts, carriers, orders, the
        // planned day; the input files (CSV/JSON) with row-level issues. No maps, no solver, no SQL.
        .target(name: "LastMileDomain", dependencies: ["LastMileCore"], swiftSettings: swiftSettings),
        // The live day: the state of each vehicle (frozen executed prefix, position, load, remaining stops with ETAs)
        // as a value-type state machine over the day's events (JSON Lines), with windows at risk as actions; the re-optimiser
        // of the unexecuted part (the solver, warm-started, with a stability rule) on travel times it is given. No SQL, no
        // clock, no roads.
        .target(
            name: "LastMileLive", dependencies: ["LastMileCore", "LastMileDomain", "LastMileModel", "LastMileSolver"], swiftSettings: swiftSettings
        ),
        // Planning a day on the road graph with the solver; manifests, GeoJSON, HTML map, KPIs. No SQL.
        .target(
            name: "LastMileDispatch",
            dependencies: ["LastMileCore", "LastMileDomain", "LastMileGeo", "LastMileGraph", "LastMileRouting", "LastMileModel", "LastMileSolver"],
            swiftSettings: swiftSettings
        ),
        // SQLite storage through GRDB: schema and migrations, imports in one transaction, immutable plan versions.
        .target(
            name: "LastMileStore",
            dependencies: ["LastMileCore", "LastMileDomain", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // Deterministic generator of the bundled sample town (writes OSM PBF).
        .target(name: "LastMileSampleTown", dependencies: ["LastMileCore", "LastMileOSM"], swiftSettings: swiftSettings),
        // The application core: the use cases (load a file, plan a date, read a stored plan, the demo day) over the
        // store, the planner and the road graphs, reporting progress as events and failures as `LastMileError`s.
        // The CLI and the coming server both build it with `LastMileService.build(_:)`.
        .target(
            name: "LastMileService",
            dependencies: [
                "LastMileCore", "LastMileDomain", "LastMileGeo", "LastMileOSM", "LastMileGraph", "LastMileRouting",
                "LastMileModel", "LastMileSolver", "LastMileDispatch", "LastMileStore", "LastMileSampleTown", "LastMileLive",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP API (`lastmile serve`, Hummingbird 2): the JSON API `/v1`, OSRM- and VROOM-compatible endpoints,
        // API keys with roles checked object by object. Calls the same use cases as the CLI.
        .target(
            name: "LastMileServer",
            dependencies: [
                "LastMileCore", "LastMileDomain", "LastMileGeo", "LastMileGraph", "LastMileRouting", "LastMileModel", "LastMileSolver",
                "LastMileDispatch", "LastMileLive", "LastMileService",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("openapi.json"), .copy("Console/Web")],
            swiftSettings: swiftSettings
        ),
        // The `lastmile` command: parses arguments, calls the service, renders its events and errors.
        .executableTarget(
            name: "LastMileCLI",
            dependencies: [
                "LastMileCore", "LastMileOSM", "LastMileGraph", "LastMileSampleTown", "LastMileModel", "LastMileSolver",
                "LastMileDomain", "LastMileDispatch", "LastMileLive", "LastMileService", "LastMileServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The live loop's latency, memory and log growth on a planned day (`Benchmarks/live-latency.sh`).
        .executableTarget(
            name: "LiveLatencyBenchmark",
            dependencies: ["LastMileCore", "LastMileLive", "LastMileService", "LastMileStore", "LastMileTestSupport"],
            path: "Benchmarks/LiveLatency",
            swiftSettings: swiftSettings
        ),
        // The console in headless Chromium: screenshots and frame times (`Benchmarks/console-*.sh`).
        .executableTarget(
            name: "ConsoleBrowser",
            dependencies: ["LastMileTestSupport"],
            path: "Benchmarks/ConsoleBrowser",
            swiftSettings: swiftSettings
        ),
        // Test-only helpers: fixture and shared-data locations, brute-force oracles, the fuzz targets' entry points.
        .target(
            name: "LastMileTestSupport",
            dependencies: ["LastMileCore", "LastMileGeo", "LastMileOSM", "LastMileGraph", "LastMileModel", "LastMileDomain", "LastMileLive"],
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "LastMileCoreTests", dependencies: ["LastMileCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LastMileGeoTests",
            dependencies: ["LastMileGeo", "LastMileTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LastMileOSMTests",
            dependencies: ["LastMileOSM", "LastMileTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LastMileGraphTests",
            dependencies: ["LastMileCore", "LastMileGeo", "LastMileGraph", "LastMileOSM", "LastMileSampleTown", "LastMileTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LastMileRoutingTests",
            dependencies: ["LastMileCore", "LastMileGraph", "LastMileRouting", "LastMileTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "LastMileModelTests", dependencies: ["LastMileCore", "LastMileModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LastMileSolverTests",
            dependencies: ["LastMileCore", "LastMileModel", "LastMileSolver", "LastMileTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LastMileDispatchTests",
            dependencies: [
                "LastMileCore", "LastMileDomain", "LastMileDispatch", "LastMileStore", "LastMileGraph", "LastMileModel",
                "LastMileSampleTown", "LastMileTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LastMileLiveTests",
            dependencies: ["LastMileCore", "LastMileDomain", "LastMileLive", "LastMileTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LastMileServiceTests",
            dependencies: [
                "LastMileCore", "LastMileDomain", "LastMileGraph", "LastMileRouting", "LastMileService", "LastMileSampleTown", "LastMileLive", "LastMileStore",
                "LastMileTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LastMileCLITests",
            dependencies: [
                "LastMileCLI", "LastMileCore", "LastMileGraph", "LastMileRouting", "LastMileService", "LastMileTestSupport", "LastMileLive",
                "LastMileStore",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LastMileServerTests",
            dependencies: [
                "LastMileCore", "LastMileDomain", "LastMileGeo", "LastMileLive", "LastMileRouting", "LastMileSampleTown", "LastMileService",
                "LastMileServer", "LastMileStore", "LastMileTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
