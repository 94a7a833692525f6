import PorticoAPI

/// A site's editable fields once validated and normalized: what CreateLocation and
/// UpdateLocation write. Every bound matches a column check of migration 0004.
struct LocationDetails: Sendable, Equatable {
    var name: String
    var address: PostalAddressDetails
    var accessNotes: String

    init(name: String, address: PostalAddressDetails, accessNotes: String) {
        self.name = name
        self.address = address
        self.accessNotes = accessNotes
    }

    /// Validates `fields`; the first problem is `INVALID_ARGUMENT` naming the field as
    /// `location.<field>` (the request field that holds them).
    init(validating fields: Portico_V1_LocationFields) throws(PorticoError) {
        name = try FieldText.singleLine(fields.name, field: "location.name", maximum: 200)
        if name.isEmpty { throw .invalidField("location.name", "must not be empty") }
        address = try PostalAddressDetails(validating: fields.address, field: "location.address")
        accessNotes = try FieldText.multiLine(fields.accessNotes, field: "location.access_notes", maximum: 2000)
    }
}
