import Crypto
import Foundation
import LastMileCore
import LastMileDomain
import LastMileStore

/// A key as `lastmile keys create` hands it out: the token (shown once) and what it may do.
public struct IssuedAPIKey: Sendable {
    /// `lm_<id>_<secret>`: the id is public (logs, `keys revoke`), the secret is 32 random bytes in hex.
    public var token: String
    public var id: String
    public var role: APIRole
}

/// A key as `lastmile keys list` shows it: never its secret.
public struct APIKeyInfo: Hashable, Sendable {
    public var id: String
    public var role: APIRole
    public var label: String
    /// ISO 8601, UTC.
    public var createdAt: String
    public var revokedAt: String?
}

/// The identity an authenticated request carries.
public struct APIIdentity: Hashable, Sendable {
    public var keyID: String
    public var role: APIRole
}

extension LastMileService {
    /// Creates a key for `role`. Only the SHA-256 of the secret is stored; the token is returned once.
    ///
    /// - Throws: ``LastMileError``: bad input when a dispatcher's depot or a carrier does not exist.
    public func createAPIKey(role: APIRole, label: String = "") throws(LastMileError) -> IssuedAPIKey {
        try checkScopeExists(role)
        var generator = SystemRandomNumberGenerator()
        let id = (0..<6).map { _ in String(UInt8.random(in: 0...255, using: &generator), radix: 16).leftPadded(to: 2) }.joined()
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let secretHex = secret.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        let stored = StoredAPIKey(id: id, secretSHA256: Array(SHA256.hash(data: Data(secretHex.utf8))), role: role.name,
                                  depotID: role.dispatcherDepot, carrierID: role.carrierScope, label: label)
        try reportingErrors { try store.insertAPIKey(stored) }
        return IssuedAPIKey(token: "lm_\(id)_\(secretHex)", id: id, role: role)
    }

    /// Revokes the key `id`: requests with it are refused from now on.
    ///
    /// - Throws: ``LastMileError`` (not found) when there is no such key or it was revoked before.
    public func revokeAPIKey(id: String) throws(LastMileError) {
        guard try reportingErrors({ try store.revokeAPIKey(id: id) }) else {
            throw LastMileError(.notFound, "no active API key '\(id)'", at: ErrorLocation(file: store.path, id: id),
                                hint: "`lastmile keys list` shows the keys and whether they are revoked")
        }
    }

    /// Every key without its secret, oldest first.
    public func apiKeys() throws(LastMileError) -> [APIKeyInfo] {
        try reportingErrors { try store.apiKeys() }.compactMap { stored in
            (try? APIRole.parse(stored.role, depotID: stored.depotID, carrierID: stored.carrierID)).map {
                APIKeyInfo(id: stored.id, role: $0, label: stored.label, createdAt: stored.createdAt, revokedAt: stored.revokedAt)
            }
        }
    }

    /// The identity of `token`, or `nil` when it is malformed, unknown or revoked. The secret's SHA-256 is
    /// compared with the stored one in constant time (every byte is looked at whatever differs).
    public func authenticate(token: String) throws(LastMileError) -> APIIdentity? {
        let parts = token.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "lm", !parts[1].isEmpty, parts[2].utf8.count == 64 else { return nil }
        guard let stored = try reportingErrors({ try store.apiKey(id: String(parts[1])) }), stored.revokedAt == nil else { return nil }
        let presented = Array(SHA256.hash(data: Data(parts[2].utf8)))
        guard presented.count == stored.secretSHA256.count else { return nil }
        let difference = zip(presented, stored.secretSHA256).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) }
        guard difference == 0 else { return nil }
        let role: APIRole
        do {
            role = try APIRole.parse(stored.role, depotID: stored.depotID, carrierID: stored.carrierID)
        } catch {
            return nil
        }
        return APIIdentity(keyID: stored.id, role: role)
    }

    private func checkScopeExists(_ role: APIRole) throws(LastMileError) {
        switch role {
        case .admin: return
        case .dispatcher(let depot):
            guard try reportingErrors({ try store.depots() }).contains(where: { $0.id == depot }) else {
                throw LastMileError(.badInput, "no depot '\(depot)'", at: ErrorLocation(file: store.path, id: depot),
                                    hint: "load the depots first (`lastmile load depots FILE`), then create the key")
            }
        case .driverBackend(let carrier), .carrier(let carrier):
            guard try reportingErrors({ try store.carriers() }).contains(where: { $0.id == carrier }) else {
                throw LastMileError(.badInput, "no carrier '\(carrier)'", at: ErrorLocation(file: store.path, id: carrier),
                                    hint: "load the carriers first (`lastmile load carriers FILE`), then create the key")
            }
        }
    }
}

extension APIRole {
    var dispatcherDepot: String? { if case .dispatcher(let depot) = self { depot } else { nil } }
    var carrierScope: String? {
        switch self {
        case .driverBackend(let carrier), .carrier(let carrier): carrier
        case .admin, .dispatcher: nil
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
