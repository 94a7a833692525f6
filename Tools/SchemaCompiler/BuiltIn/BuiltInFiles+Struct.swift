extension BuiltInFiles {
    /// `google/protobuf/struct.proto`.
    static let `struct` = #"""
// google/protobuf/struct.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (with its file options, so the
// descriptor is protoc's byte for byte).
syntax = "proto3";

package google.protobuf;

option csharp_namespace = "Google.Protobuf.WellKnownTypes";
option cc_enable_arenas = true;
option go_package = "google.golang.org/protobuf/types/known/structpb";
option java_package = "com.google.protobuf";
option java_outer_classname = "StructProto";
option java_multiple_files = true;
option objc_class_prefix = "GPB";

// A JSON object with dynamic content: field names to values. In JSON it is the
// object itself.
message Struct {
  map<string, Value> fields = 1;
}

// A dynamically typed JSON value: null, a number, a string, a boolean, an object
// or a list. In JSON it is the value itself.
message Value {
  oneof kind {
    NullValue null_value = 1;
    double number_value = 2;
    string string_value = 3;
    bool bool_value = 4;
    Struct struct_value = 5;
    ListValue list_value = 6;
  }
}

// A JSON array of values. In JSON it is the array itself.
message ListValue {
  repeated Value values = 1;
}

// The JSON null, as the only value of an enum. In JSON it is null.
enum NullValue {
  NULL_VALUE = 0;
}
"""#
}
