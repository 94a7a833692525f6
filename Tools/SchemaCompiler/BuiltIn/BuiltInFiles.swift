/// The `google/protobuf/*.proto` files built into the compiler (the well-known types
/// and `descriptor.proto`), as proto source text written for Portico: same packages,
/// messages, fields, numbers, labels, types and enum values as protobuf's files, so
/// imports of them compile without protobuf's include directory.
public enum BuiltInFiles {
    /// The source text of a built-in file, by import path
    /// (e.g. "google/protobuf/timestamp.proto"); nil for any other path.
    public static func source(for path: String) -> String? {
        sources[path]
    }

    /// Every built-in import path, sorted.
    public static let paths: [String] = sources.keys.sorted()

    private static let sources: [String: String] = [
        "google/protobuf/any.proto": any,
        "google/protobuf/api.proto": api,
        "google/protobuf/descriptor.proto": descriptor,
        "google/protobuf/duration.proto": duration,
        "google/protobuf/empty.proto": empty,
        "google/protobuf/field_mask.proto": fieldMask,
        "google/protobuf/source_context.proto": sourceContext,
        "google/protobuf/struct.proto": `struct`,
        "google/protobuf/timestamp.proto": timestamp,
        "google/protobuf/type.proto": type,
        "google/protobuf/wrappers.proto": wrappers,
    ]
}
