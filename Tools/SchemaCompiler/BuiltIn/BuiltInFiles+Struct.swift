extension BuiltInFiles {
    /// `google/protobuf/struct.proto`.
    static let `struct` = #"""
// google/protobuf/struct.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (options omitted).
syntax = "proto3";

package google.protobuf;

message Struct {
  map<string, Value> fields = 1;
}

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

message ListValue {
  repeated Value values = 1;
}

enum NullValue {
  NULL_VALUE = 0;
}
"""#
}
