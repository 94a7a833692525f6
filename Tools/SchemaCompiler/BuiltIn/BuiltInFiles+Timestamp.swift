extension BuiltInFiles {
    /// `google/protobuf/timestamp.proto`.
    static let timestamp = #"""
// google/protobuf/timestamp.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (with its file options, so the
// descriptor is protoc's byte for byte).
syntax = "proto3";

package google.protobuf;

option csharp_namespace = "Google.Protobuf.WellKnownTypes";
option cc_enable_arenas = true;
option go_package = "google.golang.org/protobuf/types/known/timestamppb";
option java_package = "com.google.protobuf";
option java_outer_classname = "TimestampProto";
option java_multiple_files = true;
option objc_class_prefix = "GPB";

// A point in time, independent of any time zone or calendar: seconds and
// nanoseconds since the Unix epoch (1970-01-01T00:00:00Z), every day counted as
// 86,400 seconds. In JSON it is an RFC 3339 string such as "2026-11-29T08:00:00Z".
message Timestamp {
  // Seconds since the epoch, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
  int64 seconds = 1;
  // Non-negative fractions of a second at nanosecond resolution: 0 to 999,999,999.
  int32 nanos = 2;
}
"""#
}
