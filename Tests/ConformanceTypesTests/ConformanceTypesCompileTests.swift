import ConformanceTypes
import ProtoWire
import Testing

/// The conformance corpus' generated types compile (the build proves that); these
/// spot checks prove they are the types the schemas describe.
@Suite("Conformance types")
struct ConformanceTypesCompileTests {
    @Test func messageNamesComeFromTheSchema() {
        #expect(Shelf_Swifty_Data.protoMessageName == "shelf.swifty.Data")
        #expect(CrossPackageRefs_Shelf_App_V1_Local.protoMessageName == "shelf.app.v1.Local")
    }
}
