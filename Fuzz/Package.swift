// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer drivers for LastMile's readers, kept out of the root package so that its `swift build` and
/// `swift test` are untouched. Build only with the fuzzer and address sanitizer, in its own scratch path, and
/// link with swiftc (SwiftPM's executable link renames `main`, which libFuzzer's runtime defines):
///
///     swift build --package-path Fuzz --scratch-path .build-fuzz --target LastMileFuzz -Xswiftc -sanitize=fuzzer,address
///     swiftc -sanitize=fuzzer,address -emit-executable .build-fuzz/x86_64-unknown-linux-gnu/debug/*.build/*.o -lz -lproj -o .build-fuzz/lastmile-fuzz
///
/// `Benchmarks/fuzz.sh` does this and runs every target.
let package = Package(
    name: "LastMileFuzz",
    dependencies: [.package(name: "LastMile", path: "..")],
    targets: [
        // `lastmile-fuzz TARGET [libFuzzer options] [corpus…]`: one binary, one libFuzzer target per input. libFuzzer
        // brings `main`, so the module has no entry point of its own.
        .executableTarget(
            name: "LastMileFuzz",
            dependencies: [.product(name: "LastMileTestSupport", package: "LastMile")],
            swiftSettings: [.swiftLanguageMode(.v6), .unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
