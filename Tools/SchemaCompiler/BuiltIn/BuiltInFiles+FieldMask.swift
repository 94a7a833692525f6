extension BuiltInFiles {
    /// `google/protobuf/field_mask.proto`.
    static let fieldMask = #"""
// google/protobuf/field_mask.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (options omitted).
syntax = "proto3";

package google.protobuf;

message FieldMask {
  repeated string paths = 1;
}
"""#
}
