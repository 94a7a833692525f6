extension BuiltInFiles {
    /// `google/protobuf/wrappers.proto`.
    static let wrappers = #"""
// google/protobuf/wrappers.proto as built into Portico's schema compiler: the same
// types, numbers and labels as protobuf's file (with its file options, so the
// descriptor is protoc's byte for byte).
syntax = "proto3";

package google.protobuf;

option csharp_namespace = "Google.Protobuf.WellKnownTypes";
option cc_enable_arenas = true;
option go_package = "google.golang.org/protobuf/types/known/wrapperspb";
option java_package = "com.google.protobuf";
option java_outer_classname = "WrappersProto";
option java_multiple_files = true;
option objc_class_prefix = "GPB";

// A `double` that can be absent: a field of this type has presence. In JSON it is
// the plain value.
message DoubleValue {
  double value = 1;
}

// A `float` that can be absent: a field of this type has presence. In JSON it is
// the plain value.
message FloatValue {
  float value = 1;
}

// A `int64` that can be absent: a field of this type has presence. In JSON it is
// a string, as int64 values always are.
message Int64Value {
  int64 value = 1;
}

// A `uint64` that can be absent: a field of this type has presence. In JSON it is
// a string, as int64 values always are.
message UInt64Value {
  uint64 value = 1;
}

// A `int32` that can be absent: a field of this type has presence. In JSON it is
// the plain value.
message Int32Value {
  int32 value = 1;
}

// A `uint32` that can be absent: a field of this type has presence. In JSON it is
// the plain value.
message UInt32Value {
  uint32 value = 1;
}

// A `bool` that can be absent: a field of this type has presence. In JSON it is
// the plain value.
message BoolValue {
  bool value = 1;
}

// A `string` that can be absent: a field of this type has presence. In JSON it is
// the plain value.
message StringValue {
  string value = 1;
}

// A `bytes` that can be absent: a field of this type has presence. In JSON it is
// base64 text.
message BytesValue {
  bytes value = 1;
}
"""#
}
