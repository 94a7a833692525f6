import Foundation
import PorticoAPI

/// A keyset cursor: the sort key of the last row of a page, handed to the client as
/// an opaque string. Lists continue strictly after it, so pages stay stable while
/// rows are added, and every page is an index range scan.
struct PageToken: Equatable {
    /// The last row's sort key columns, in order.
    var keys: [String]

    /// The page size a request asks for: 0 means the default; at most `maximum`.
    static func pageSize(_ request: Portico_V1_PageRequest, default defaultSize: Int = 50, maximum: Int = 500) throws(PorticoError) -> Int {
        if request.pageSize < 0 { throw .invalidField("page.page_size", "must not be negative") }
        if request.pageSize == 0 { return defaultSize }
        return min(Int(request.pageSize), maximum)
    }

    /// The request's token, nil for the first page.
    static func decode(_ request: Portico_V1_PageRequest, keyCount: Int) throws(PorticoError) -> PageToken? {
        if request.pageToken.isEmpty { return nil }
        guard let token = PageToken(encoded: request.pageToken), token.keys.count == keyCount else {
            throw .invalidField("page.page_token", "is not a token this list returned")
        }
        return token
    }

    init(keys: [String]) {
        self.keys = keys
    }

    private init?(encoded: String) {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard encoded.utf8.count <= 2048, let data = Data(base64Encoded: base64),
            let keys = try? JSONDecoder().decode([String].self, from: data)
        else { return nil }
        self.keys = keys
    }

    var encoded: String {
        let data = (try? JSONEncoder().encode(keys)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
