extension BuiltInFiles {
    /// `google/protobuf/source_context.proto`.
    static let sourceContext = #"""
// google/protobuf/source_context.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (options omitted).
syntax = "proto3";

package google.protobuf;

message SourceContext {
  string file_name = 1;
}
"""#
}
