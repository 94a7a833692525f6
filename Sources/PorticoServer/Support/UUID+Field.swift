import Foundation

extension UUID {
    /// A request's id field, or INVALID_ARGUMENT naming it: empty, or not `what` (a
    /// UUID, taken exactly as sent: ids are machine values, so no trimming).
    init(field: String, _ value: String, what: String) throws(PorticoError) {
        guard let id = UUID(uuidString: value) else {
            throw .invalidField(field, value.isEmpty ? "must not be empty" : "must be \(what)")
        }
        self = id
    }
}
