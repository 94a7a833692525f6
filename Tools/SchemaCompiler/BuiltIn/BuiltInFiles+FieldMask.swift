extension BuiltInFiles {
    /// `google/protobuf/field_mask.proto`.
    static let fieldMask = #"""
// google/protobuf/field_mask.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (options omitted).
syntax = "proto3";

package google.protobuf;

// A set of field paths, such as "address.city", naming the fields an update
// touches or a read returns. In JSON it is one string of lowerCamel paths joined by
// commas.
message FieldMask {
  // Dot-separated field names, each a field of the message the mask applies to.
  repeated string paths = 1;
}
"""#
}
