import Foundation
import PorticoAPI

/// A client's editable fields once validated and normalized: what `CreateClient` and
/// `UpdateClient` write. Every bound matches a column check of migration 0002, so a
/// value that passes here is never refused by the database.
struct ClientDetails: Sendable, Equatable {
    var name: String
    var billingEmail: String
    var phone: String
    var address: PostalAddressDetails
    var notes: String

    init(name: String, billingEmail: String, phone: String, address: PostalAddressDetails, notes: String) {
        self.name = name
        self.billingEmail = billingEmail
        self.phone = phone
        self.address = address
        self.notes = notes
    }

    /// Validates `fields`; the first problem found is `INVALID_ARGUMENT` naming the
    /// field as `client.<field>` (the request field that holds them).
    init(validating fields: Portico_V1_ClientFields) throws(PorticoError) {
        name = try FieldText.singleLine(fields.name, field: "client.name", maximum: 200)
        if name.isEmpty { throw .invalidField("client.name", "must not be empty") }
        billingEmail = try Self.billingEmail(fields.billingEmail)
        phone = try FieldText.singleLine(fields.phone, field: "client.phone", maximum: 50)
        address = try PostalAddressDetails(validating: fields.address, field: "client.address")
        notes = try FieldText.multiLine(fields.notes, field: "client.notes", maximum: 2000)
    }

    /// Empty, or an address `EmailAddress` accepts (stored normalized, like logins).
    private static func billingEmail(_ raw: String) throws(PorticoError) -> String {
        if raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "" }
        return try EmailAddress(validating: raw, field: "client.billing_email").value
    }
}

/// Free-text request fields: trimmed, bounded in characters as PostgreSQL counts them
/// (`char_length`, Unicode scalars), and free of control characters, which no name or
/// address needs and which PostgreSQL refuses (NUL) or a log line would garble.
enum FieldText {
    /// One line: no control characters at all.
    static func singleLine(_ raw: String, field: String, maximum: Int) throws(PorticoError) -> String {
        try checked(raw, field: field, maximum: maximum, allowed: [])
    }

    /// Several lines: line breaks and tabs allowed, other control characters not.
    static func multiLine(_ raw: String, field: String, maximum: Int) throws(PorticoError) -> String {
        try checked(raw, field: field, maximum: maximum, allowed: ["\n", "\r", "\t"])
    }

    /// A search text, taken as it is (not trimmed): one line, bounded.
    static func searchText(_ raw: String, field: String, maximum: Int) throws(PorticoError) -> String {
        try checked(raw, field: field, maximum: maximum, allowed: [], trimmed: false)
    }

    private static func checked(
        _ raw: String, field: String, maximum: Int, allowed: Set<Unicode.Scalar>, trimmed: Bool = true
    ) throws(PorticoError) -> String {
        let text = trimmed ? raw.trimmingCharacters(in: .whitespacesAndNewlines) : raw
        if text.unicodeScalars.count > maximum {
            throw .invalidField(field, "must be at most \(maximum) characters")
        }
        let isControl: (Unicode.Scalar) -> Bool = {
            ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) && !allowed.contains($0)
        }
        if text.unicodeScalars.contains(where: isControl) {
            throw .invalidField(field, "must not contain control characters")
        }
        return text
    }
}
