// Short names for the generated types of Tests/Interop/interop.proto.
typealias AllFields = Portico_Interop_V1_AllFields
typealias Leaf = Portico_Interop_V1_Leaf
typealias Tree = Portico_Interop_V1_Tree
typealias Forest = Portico_Interop_V1_Forest
typealias Color = Portico_Interop_V1_Color
