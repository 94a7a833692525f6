import ConformanceTypes
import ProtoWire
import Testing

/// One case of the conformance corpus (`valid/NAME.proto` or the folder `valid/NAME/`)
/// and the message registries of its generated files.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// One `…_ProtoFile.messageTypes` per generated file that declares messages.
    let registries: [[any ProtoMessage.Type]]

    init(_ name: String, _ registries: [any ProtoMessage.Type]...) {
        self.name = name
        self.registries = registries
    }

    var messageTypes: [any ProtoMessage.Type] { registries.flatMap { $0 } }

    var testDescription: String { name }
}

extension ConformanceCase {
    /// Every case, with every registry of its files. `ConformanceRegistryTests` checks this
    /// list against the generated files, so a new case or file cannot be left out.
    static let all: [ConformanceCase] = [
        ConformanceCase("comments_everywhere", CommentsEverywhere_ProtoFile.messageTypes),
        ConformanceCase(
            "cross_package_refs",
            CrossPackageRefs_Main_ProtoFile.messageTypes,
            CrossPackageRefs_Shelf_App_Shared_ProtoFile.messageTypes,
            CrossPackageRefs_Shelf_Core_Ids_ProtoFile.messageTypes,
            CrossPackageRefs_Vendor_Rootless_ProtoFile.messageTypes),
        ConformanceCase("custom_options_all_targets", CustomOptionsAllTargets_ProtoFile.messageTypes),
        ConformanceCase(
            "diamond_imports",
            DiamondImports_Lib_Left_ProtoFile.messageTypes,
            DiamondImports_Lib_Right_ProtoFile.messageTypes,
            DiamondImports_Lib_Util_Strings_Text_ProtoFile.messageTypes,
            DiamondImports_Main_ProtoFile.messageTypes),
        ConformanceCase("empty_things", EmptyThings_ProtoFile.messageTypes),
        ConformanceCase("enum_forms", EnumForms_ProtoFile.messageTypes),
        ConformanceCase("field_number_limits", FieldNumberLimits_ProtoFile.messageTypes),
        ConformanceCase("field_options", FieldOptions_ProtoFile.messageTypes),
        ConformanceCase("file_options", FileOptions_ProtoFile.messageTypes),
        ConformanceCase("handwritten_map_entry", HandwrittenMapEntry_ProtoFile.messageTypes),
        ConformanceCase(
            "import_public_chain",
            ImportPublicChain_Api_Facade_ProtoFile.messageTypes,
            ImportPublicChain_Main_ProtoFile.messageTypes,
            ImportPublicChain_Model_Author_ProtoFile.messageTypes,
            ImportPublicChain_Model_Book_ProtoFile.messageTypes,
            ImportPublicChain_Model_Common_ProtoFile.messageTypes),
        ConformanceCase("json_names", JsonNames_ProtoFile.messageTypes),
        ConformanceCase(
            "lite_imports_regular",
            LiteImportsRegular_Main_ProtoFile.messageTypes,
            LiteImportsRegular_Regular_ProtoFile.messageTypes),
        ConformanceCase("map_fields", MapFields_ProtoFile.messageTypes),
        ConformanceCase("method_custom_options", MethodCustomOptions_ProtoFile.messageTypes),
        ConformanceCase("name_resolution", NameResolution_ProtoFile.messageTypes),
        ConformanceCase("nested_types", NestedTypes_ProtoFile.messageTypes),
        ConformanceCase("numeric_literals", NumericLiterals_ProtoFile.messageTypes),
        ConformanceCase("oneof_fields", OneofFields_ProtoFile.messageTypes),
        ConformanceCase("optional_presence", OptionalPresence_ProtoFile.messageTypes),
        ConformanceCase("proto_keywords_as_identifiers", ProtoKeywordsAsIdentifiers_ProtoFile.messageTypes),
        ConformanceCase("repeated_fields", RepeatedFields_ProtoFile.messageTypes),
        ConformanceCase("reserved_ranges", ReservedRanges_ProtoFile.messageTypes),
        ConformanceCase("scalar_types", ScalarTypes_ProtoFile.messageTypes),
        ConformanceCase("service_split", ServiceSplit_Messages_ProtoFile.messageTypes),
        ConformanceCase("services", Services_ProtoFile.messageTypes),
        ConformanceCase(
            "shared_options",
            SharedOptions_Main_ProtoFile.messageTypes,
            SharedOptions_Options_Authz_ProtoFile.messageTypes),
        ConformanceCase(
            "split_package",
            SplitPackage_Main_ProtoFile.messageTypes,
            SplitPackage_PartOne_ProtoFile.messageTypes,
            SplitPackage_PartTwo_ProtoFile.messageTypes),
        ConformanceCase("statement_order", StatementOrder_ProtoFile.messageTypes),
        ConformanceCase("string_escapes", StringEscapes_ProtoFile.messageTypes),
        ConformanceCase("swift_keywords", SwiftKeywords_ProtoFile.messageTypes),
        ConformanceCase("unused_import", UnusedImport_ProtoFile.messageTypes),
        ConformanceCase("utf8_bom", Utf8Bom_ProtoFile.messageTypes),
        ConformanceCase("well_known_types", WellKnownTypes_ProtoFile.messageTypes),
    ]
}
