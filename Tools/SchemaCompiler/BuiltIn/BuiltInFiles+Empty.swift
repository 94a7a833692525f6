extension BuiltInFiles {
    /// `google/protobuf/empty.proto`.
    static let empty = #"""
// google/protobuf/empty.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (with its file options, so the
// descriptor is protoc's byte for byte).
syntax = "proto3";

package google.protobuf;

option csharp_namespace = "Google.Protobuf.WellKnownTypes";
option go_package = "google.golang.org/protobuf/types/known/emptypb";
option java_package = "com.google.protobuf";
option java_outer_classname = "EmptyProto";
option java_multiple_files = true;
option objc_class_prefix = "GPB";
option cc_enable_arenas = true;

// A message with no fields: the request or response of a call that needs none.
// In JSON it is {}.
message Empty {
}
"""#
}
