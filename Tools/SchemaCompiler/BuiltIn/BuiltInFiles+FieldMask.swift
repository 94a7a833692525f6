extension BuiltInFiles {
    /// `google/protobuf/field_mask.proto`.
    static let fieldMask = #"""
// google/protobuf/field_mask.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (with its file options, so the
// descriptor is protoc's byte for byte).
syntax = "proto3";

package google.protobuf;

option csharp_namespace = "Google.Protobuf.WellKnownTypes";
option java_package = "com.google.protobuf";
option java_outer_classname = "FieldMaskProto";
option java_multiple_files = true;
option objc_class_prefix = "GPB";
option go_package = "google.golang.org/protobuf/types/known/fieldmaskpb";
option cc_enable_arenas = true;

// A set of field paths, such as "address.city", naming the fields an update
// touches or a read returns. In JSON it is one string of lowerCamel paths joined by
// commas.
message FieldMask {
  // Dot-separated field names, each a field of the message the mask applies to.
  repeated string paths = 1;
}
"""#
}
