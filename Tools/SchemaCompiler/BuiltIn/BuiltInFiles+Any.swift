extension BuiltInFiles {
    /// `google/protobuf/any.proto`.
    static let any = #"""
// google/protobuf/any.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (options omitted).
syntax = "proto3";

package google.protobuf;

message Any {
  string type_url = 1;
  bytes value = 2;
}
"""#
}
