public enum ProtoWireVersion { public static let major = 0 }
