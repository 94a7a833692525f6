import ProtoWire

/// Random messages of interop.proto built in Swift, for Python to check: the same field
/// coverage as the Python filler, written against the generated API.
extension InteropRandom {
    static let colorNumbers: [Int32] = [0, 1, 2, 3, -1, Int32.max]
    static let deepChain = 50  // nesting levels (both runtimes allow 100)

    mutating func color() -> Color { Color(rawValue: enumNumber(defined: Self.colorNumbers)) }

    mutating func mode() -> AllFields.Inner.Mode {
        AllFields.Inner.Mode(rawValue: enumNumber(defined: [0, 1, 2]))
    }

    mutating func allFields(index: Int) -> AllFields {
        var message = AllFields()
        setScalars(of: &message)
        setRepeatedScalars(of: &message)
        setOptionals(of: &message)
        setMessagesAndEnums(of: &message)
        setMaps(of: &message)
        setChoice(of: &message)
        setWellKnownTypes(of: &message)
        if index % 10 == 7 { message.tree = deepTree(levels: Self.deepChain) }
        return message
    }

    private mutating func setScalars(of message: inout AllFields) {
        if include(depth: 0) { message.singularInt32 = integer() }
        if include(depth: 0) { message.singularInt64 = integer() }
        if include(depth: 0) { message.singularUint32 = integer() }
        if include(depth: 0) { message.singularUint64 = integer() }
        if include(depth: 0) { message.singularSint32 = integer() }
        if include(depth: 0) { message.singularSint64 = integer() }
        if include(depth: 0) { message.singularFixed32 = integer() }
        if include(depth: 0) { message.singularFixed64 = integer() }
        if include(depth: 0) { message.singularSfixed32 = integer() }
        if include(depth: 0) { message.singularSfixed64 = integer() }
        if include(depth: 0) { message.singularFloat = float() }
        if include(depth: 0) { message.singularDouble = double() }
        if include(depth: 0) { message.singularBool = bool() }
        if include(depth: 0) { message.singularString = string() }
        if include(depth: 0) { message.singularBytes = bytes() }
        if include(depth: 0) { message.renamed = string() }
        if include(depth: 0) { message.farAway = integer() }
    }

    private mutating func setRepeatedScalars(of message: inout AllFields) {
        if include(depth: 0) { message.repeatedInt32 = array { $0.integer() } }
        if include(depth: 0) { message.repeatedInt64 = array { $0.integer() } }
        if include(depth: 0) { message.repeatedUint32 = array { $0.integer() } }
        if include(depth: 0) { message.repeatedUint64 = array { $0.integer() } }
        if include(depth: 0) { message.repeatedSint32 = array { $0.integer() } }
        if include(depth: 0) { message.repeatedSint64 = array { $0.integer() } }
        if include(depth: 0) { message.repeatedFixed32 = array { $0.integer() } }
        if include(depth: 0) { message.repeatedFixed64 = array { $0.integer() } }
        if include(depth: 0) { message.repeatedSfixed32 = array { $0.integer() } }
        if include(depth: 0) { message.repeatedSfixed64 = array { $0.integer() } }
        if include(depth: 0) { message.repeatedFloat = array { $0.float() } }
        if include(depth: 0) { message.repeatedDouble = array { $0.double() } }
        if include(depth: 0) { message.repeatedBool = array { $0.bool() } }
        if include(depth: 0) { message.repeatedString = array(large: false) { $0.string() } }
        if include(depth: 0) { message.repeatedBytes = array(large: false) { $0.bytes() } }
        if include(depth: 0) { message.unpackedInt32 = array { $0.integer() } }
        if include(depth: 0) { message.unpackedSint64 = array { $0.integer() } }
        if include(depth: 0) { message.unpackedFixed32 = array { $0.integer() } }
        if include(depth: 0) { message.unpackedDouble = array { $0.double() } }
        if include(depth: 0) { message.unpackedBool = array { $0.bool() } }
        if include(depth: 0) { message.unpackedColor = array { $0.color() } }
    }

    /// Explicit presence: half of the set values are the default, which must still be
    /// written.
    private mutating func setOptionals(of message: inout AllFields) {
        if include(depth: 0) { message.optionalInt32 = bool() ? 0 : integer() }
        if include(depth: 0) { message.optionalUint64 = bool() ? 0 : integer() }
        if include(depth: 0) { message.optionalSint32 = bool() ? 0 : integer() }
        if include(depth: 0) { message.optionalSfixed64 = bool() ? 0 : integer() }
        if include(depth: 0) { message.optionalFloat = bool() ? 0 : float() }
        if include(depth: 0) { message.optionalDouble = bool() ? 0 : double() }
        if include(depth: 0) { message.optionalBool = bool() }
        if include(depth: 0) { message.optionalString = bool() ? "" : string() }
        if include(depth: 0) { message.optionalBytes = bool() ? [] : bytes() }
        if include(depth: 0) { message.optionalColor = bool() ? Color(rawValue: 0) : color() }
        if include(depth: 0) { message.optionalLeaf = bool() ? Leaf() : leaf(depth: 1) }
    }

    private mutating func setMessagesAndEnums(of message: inout AllFields) {
        if include(depth: 0) { message.color = color() }
        if include(depth: 0) { message.colors = array { $0.color() } }
        if include(depth: 0) { message.leaf = leaf(depth: 1) }
        if include(depth: 0) { message.leaves = array(large: false) { $0.leaf(depth: 1) } }
        if include(depth: 0) { message.tree = tree(depth: 1) }
        if include(depth: 0) { message.forest = forest(depth: 1) }
        if include(depth: 0) { message.inner = inner(depth: 1) }
        if include(depth: 0) { message.inners = array(large: false) { $0.inner(depth: 1) } }
        if include(depth: 0) { message.mode = mode() }
    }

    private mutating func setMaps(of message: inout AllFields) {
        if include(depth: 0) { message.mapInt32Int32 = map({ $0.integer() }, { $0.integer() }) }
        if include(depth: 0) { message.mapInt64Int64 = map({ $0.integer() }, { $0.integer() }) }
        if include(depth: 0) { message.mapUint32Uint32 = map({ $0.integer() }, { $0.integer() }) }
        if include(depth: 0) { message.mapUint64Uint64 = map({ $0.integer() }, { $0.integer() }) }
        if include(depth: 0) { message.mapSint32Sint32 = map({ $0.integer() }, { $0.integer() }) }
        if include(depth: 0) { message.mapSint64Sint64 = map({ $0.integer() }, { $0.integer() }) }
        if include(depth: 0) { message.mapFixed32Fixed32 = map({ $0.integer() }, { $0.integer() }) }
        if include(depth: 0) { message.mapFixed64Fixed64 = map({ $0.integer() }, { $0.integer() }) }
        if include(depth: 0) { message.mapSfixed32Sfixed32 = map({ $0.integer() }, { $0.integer() }) }
        if include(depth: 0) { message.mapSfixed64Sfixed64 = map({ $0.integer() }, { $0.integer() }) }
        if include(depth: 0) { message.mapBoolBool = map({ $0.bool() }, { $0.bool() }) }
        if include(depth: 0) { message.mapStringString = map({ $0.string() }, { $0.string() }) }
        if include(depth: 0) { message.mapStringBytes = map({ $0.string() }, { $0.bytes() }) }
        if include(depth: 0) { message.mapInt32Float = map({ $0.integer() }, { $0.float() }) }
        if include(depth: 0) { message.mapInt64Double = map({ $0.integer() }, { $0.double() }) }
        if include(depth: 0) { message.mapStringColor = map({ $0.string() }, { $0.color() }) }
        if include(depth: 0) { message.mapStringLeaf = map({ $0.string() }, { $0.leaf(depth: 1) }) }
        if include(depth: 0) { message.mapUint32Tree = map({ $0.integer() }, { $0.tree(depth: 1) }) }
        if include(depth: 0) {
            message.mapStringDuration = map({ $0.string() }, { $0.duration() })
        }
    }

    /// One member of the oneof (default values included: a set member is always written).
    private mutating func setChoice(of message: inout AllFields) {
        guard include(depth: 0) else { return }
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: message.choiceInt32 = bool() ? 0 : integer()
        case 1: message.choiceString = string()
        case 2: message.choiceBytes = bytes()
        case 3: message.choiceDouble = double()
        case 4: message.choiceLeaf = leaf(depth: 1)
        default: message.choiceColor = color()
        }
    }

    // MARK: Nested messages

    mutating func leaf(depth: Int) -> Leaf {
        var leaf = Leaf()
        if include(depth: depth) { leaf.id = integer() }
        if include(depth: depth) { leaf.label = string() }
        if include(depth: depth) { leaf.color = color() }
        if include(depth: depth) { leaf.samples = array { $0.integer() } }
        return leaf
    }

    mutating func inner(depth: Int) -> AllFields.Inner {
        var inner = AllFields.Inner()
        if include(depth: depth) { inner.stamp = integer() }
        if include(depth: depth) { inner.mode = mode() }
        if include(depth: depth) { inner.modes = array { $0.mode() } }
        return inner
    }

    /// Trees stop growing four levels down, as in the Python filler.
    mutating func tree(depth: Int) -> Tree {
        var tree = Tree()
        guard depth <= 4 else { return tree }
        if include(depth: depth) { tree.name = string() }
        if include(depth: depth) { tree.left = self.tree(depth: depth + 1) }
        if include(depth: depth) { tree.right = self.tree(depth: depth + 1) }
        if include(depth: depth) { tree.children = array(large: false) { $0.tree(depth: depth + 1) } }
        if include(depth: depth) { tree.named = map({ $0.string() }, { $0.tree(depth: depth + 1) }) }
        if include(depth: depth) { tree.forest = forest(depth: depth + 1) }
        if include(depth: depth) {
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: tree.leaf = leaf(depth: depth + 1)
            case 1: tree.subtree = self.tree(depth: depth + 1)
            default: tree.weight = integer()
            }
        }
        return tree
    }

    mutating func forest(depth: Int) -> Forest {
        var forest = Forest()
        guard depth <= 4 else { return forest }
        if include(depth: depth) { forest.root = tree(depth: depth + 1) }
        if include(depth: depth) { forest.trees = array(large: false) { $0.tree(depth: depth + 1) } }
        return forest
    }

    /// A chain of `levels` trees through `left`, deeper than random trees ever get.
    func deepTree(levels: Int) -> Tree {
        var tree = Tree()
        for level in (0..<levels).reversed() {
            var parent = Tree()
            parent.name = "level \(level)"
            if level < levels - 1 { parent.left = tree }
            tree = parent
        }
        return tree
    }
}
