extension BuiltInFiles {
    /// `google/protobuf/any.proto`.
    static let any = #"""
// google/protobuf/any.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (with its file options, so the
// descriptor is protoc's byte for byte).
syntax = "proto3";

package google.protobuf;

option csharp_namespace = "Google.Protobuf.WellKnownTypes";
option go_package = "google.golang.org/protobuf/types/known/anypb";
option java_package = "com.google.protobuf";
option java_outer_classname = "AnyProto";
option java_multiple_files = true;
option objc_class_prefix = "GPB";

// A message of any type, carried as its serialized bytes and a URL naming its
// type. In JSON it is the message's own JSON with an added "@type" key.
message Any {
  // "type.googleapis.com/" followed by the message's full name, such as
  // "type.googleapis.com/portico.v1.Money".
  string type_url = 1;
  // The message's binary encoding.
  bytes value = 2;
}
"""#
}
