import Foundation
import PorticoAPI

/// What a list request asks for: how many rows, and where the previous page ended.
///
/// Every keyset list works the same way: the store fetches `fetchLimit` rows (one more
/// than the page) strictly after `after`, and `KeysetPage` cuts the page and makes the
/// next token from the last row kept, so the extra row only says that more follow.
struct PageRequest: Sendable {
    /// Rows on one page.
    var size: Int
    /// The previous page's last sort key; nil for the first page.
    var after: PageToken?

    /// The request's page size (0 means `defaultSize`; at most `maximum`) and token,
    /// which must hold `keyCount` keys; INVALID_ARGUMENT naming the field otherwise.
    init(
        _ request: Portico_V1_PageRequest, keyCount: Int, defaultSize: Int = 50, maximum: Int = 500
    ) throws(PorticoError) {
        size = try PageToken.pageSize(request, default: defaultSize, maximum: maximum)
        after = try PageToken.decode(request, keyCount: keyCount)
    }

    init(size: Int, after: PageToken?) {
        self.size = size
        self.after = after
    }

    /// How many rows a store fetches: one more than the page, to learn whether another
    /// page follows.
    var fetchLimit: Int { size + 1 }
}

/// One page of a keyset list: its rows, and the token of the next page when more follow.
struct KeysetPage<Row: Sendable>: Sendable {
    var rows: [Row]
    var next: PageToken?

    /// Cuts a page from `fetched` (up to `request.fetchLimit` rows in list order); when
    /// the extra row came back, the next page starts after the last row kept, whose
    /// sort key `key` gives.
    init(fetched: [Row], request: PageRequest, key: (Row) throws -> [String]) rethrows {
        rows = Array(fetched.prefix(request.size))
        if fetched.count > request.size, let last = rows.last {
            next = PageToken(keys: try key(last))
        }
    }

    init(rows: [Row], next: PageToken?) {
        self.rows = rows
        self.next = next
    }

    /// The response's `next_page_token`: empty on the last page.
    var nextPageToken: String { next?.encoded ?? "" }

    /// The same page with each row transformed (a row into its API message).
    func map<T: Sendable>(_ transform: (Row) throws -> T) rethrows -> KeysetPage<T> {
        KeysetPage<T>(rows: try rows.map(transform), next: next)
    }
}

/// The keyset of lists ordered by a stored lower-cased name and then the row's id
/// (users, locations): where a page ends, as its last row's sort key.
struct NameIDKey: Sendable, Equatable {
    /// The row's `sort_name`.
    var name: String
    var id: UUID

    init(name: String, id: UUID) {
        self.name = name
        self.id = id
    }

    /// The key a page token holds; nil for the first page. A token whose second key
    /// is not a UUID was not made by such a list.
    init?(token: PageToken?) throws(PorticoError) {
        guard let token else { return nil }
        guard token.keys.count == 2, let id = UUID(uuidString: token.keys[1]) else {
            throw .invalidField("page.page_token", "is not a token this list returned")
        }
        self.init(name: token.keys[0], id: id)
    }

    /// The page token's keys.
    var tokenKeys: [String] { [name, id.uuidString.lowercased()] }

    /// Before every row: the empty name and the nil UUID (all bits zero).
    static let beforeAll = NameIDKey(
        name: "", id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    )
}
