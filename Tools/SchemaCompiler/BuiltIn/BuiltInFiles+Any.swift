extension BuiltInFiles {
    /// `google/protobuf/any.proto`.
    static let any = #"""
// google/protobuf/any.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (options omitted).
syntax = "proto3";

package google.protobuf;

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
