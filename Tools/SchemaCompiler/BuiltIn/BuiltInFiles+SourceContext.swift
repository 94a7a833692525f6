extension BuiltInFiles {
    /// `google/protobuf/source_context.proto`.
    static let sourceContext = #"""
// google/protobuf/source_context.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (with its file options, so the
// descriptor is protoc's byte for byte).
syntax = "proto3";

package google.protobuf;

option csharp_namespace = "Google.Protobuf.WellKnownTypes";
option java_package = "com.google.protobuf";
option java_outer_classname = "SourceContextProto";
option java_multiple_files = true;
option objc_class_prefix = "GPB";
option go_package = "google.golang.org/protobuf/types/known/sourcecontextpb";

message SourceContext {
  string file_name = 1;
}
"""#
}
