extension BuiltInFiles {
    /// `google/protobuf/duration.proto`.
    static let duration = #"""
// google/protobuf/duration.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (options omitted).
syntax = "proto3";

package google.protobuf;

message Duration {
  int64 seconds = 1;
  int32 nanos = 2;
}
"""#
}
