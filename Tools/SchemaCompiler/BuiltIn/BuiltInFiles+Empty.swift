extension BuiltInFiles {
    /// `google/protobuf/empty.proto`.
    static let empty = #"""
// google/protobuf/empty.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (options omitted).
syntax = "proto3";

package google.protobuf;

// A message with no fields: the request or response of a call that needs none.
// In JSON it is {}.
message Empty {
}
"""#
}
