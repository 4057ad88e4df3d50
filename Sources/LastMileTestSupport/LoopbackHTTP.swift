import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 request to a server on the loopback interface over a plain socket, for chromedriver: its
/// answers write headers without a space after the colon (`Content-Length:917`), which Foundation's
/// URLSession on Linux refuses ("Failed writing header"). Blocking; for tests and benchmarks only.
public enum LoopbackHTTP {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Sends `method path` with `body` (JSON) to `127.0.0.1:port` and returns the status and the body.
    public static func request(port: Int, method: String, path: String, body: Data?) throws -> (status: Int, body: Data) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect to 127.0.0.1:\(port): errno \(errno)") }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let body { head += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n" }
        let request = Data((head + "\r\n").utf8) + (body ?? Data())
        var sent = 0
        while sent < request.count {
            let written = request.withUnsafeBytes { send(socket, $0.baseAddress! + sent, request.count - sent, 0) }
            guard written > 0 else { throw Failure(description: "send: errno \(errno)") }
            sent += written
        }
        var answer = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            answer.append(contentsOf: buffer[0..<count])
            if let (status, length, start) = parseHead(answer), let length, answer.count - start >= length {
                return (status, answer.subdata(in: start..<(start + length)))
            }
        }
        guard let (status, _, start) = parseHead(answer) else { throw Failure(description: "no HTTP answer from 127.0.0.1:\(port)\(path)") }
        return (status, answer.subdata(in: start..<answer.count))
    }

    /// The status, the Content-Length (when given) and where the body starts, once the head is complete.
    private static func parseHead(_ data: Data) -> (status: Int, length: Int?, bodyStart: Int)? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let lines = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var length: Int?
        for line in lines.dropFirst() {
            let pair = line.split(separator: ":", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "content-length" { length = Int(pair[1].trimmingCharacters(in: .whitespaces)) }
        }
        return (status, length, end.upperBound)
    }
}
