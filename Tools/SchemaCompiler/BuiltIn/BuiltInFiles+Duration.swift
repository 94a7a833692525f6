extension BuiltInFiles {
    /// `google/protobuf/duration.proto`.
    static let duration = #"""
// google/protobuf/duration.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (with its file options, so the
// descriptor is protoc's byte for byte).
syntax = "proto3";

package google.protobuf;

option csharp_namespace = "Google.Protobuf.WellKnownTypes";
option cc_enable_arenas = true;
option go_package = "google.golang.org/protobuf/types/known/durationpb";
option java_package = "com.google.protobuf";
option java_outer_classname = "DurationProto";
option java_multiple_files = true;
option objc_class_prefix = "GPB";

// A signed span of time at nanosecond resolution, at most about 10,000 years either
// way. In JSON it is a string of seconds with an "s" suffix, such as "1.5s".
message Duration {
  // Whole seconds, -315,576,000,000 to +315,576,000,000.
  int64 seconds = 1;
  // Fractions of a second, -999,999,999 to +999,999,999, with the same sign as
  // `seconds` when both are non-zero.
  int32 nanos = 2;
}
"""#
}
