extension BuiltInFiles {
    /// `google/protobuf/timestamp.proto`.
    static let timestamp = #"""
// google/protobuf/timestamp.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (options omitted).
syntax = "proto3";

package google.protobuf;

message Timestamp {
  int64 seconds = 1;
  int32 nanos = 2;
}
"""#
}
