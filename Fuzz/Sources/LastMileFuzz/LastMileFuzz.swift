import Foundation
import LastMileTestSupport

/// The target the libFuzzer callback feeds; set once by `LLVMFuzzerInitialize` before any input runs.
nonisolated(unsafe) private var selected = FuzzTarget.pbf

/// libFuzzer calls this before it parses its options: the first argument names the ``FuzzTarget``
/// (`lastmile-fuzz pbf -runs=1000 corpus/`) and is removed, so every other argument goes to libFuzzer
/// (`-runs=N`, `-max_total_time=S`, `-rss_limit_mb=MB`, `-timeout=S`, corpus folders, a crash file to replay).
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>) -> CInt {
    let name = argc.pointee >= 2 ? argv.pointee[1].map { String(cString: $0) } : nil
    guard let name, let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: " | ")
        FileHandle.standardError.write(Data("usage: lastmile-fuzz \(names) [libFuzzer options] [corpus…]\n".utf8))
        exit(64)
    }
    selected = target
    argv.pointee[1] = argv.pointee[0]  // drop the target name: argv becomes (program, libFuzzer's arguments…)
    argv.pointee += 1
    argc.pointee -= 1
    return 0
}

/// One input for the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selected.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
