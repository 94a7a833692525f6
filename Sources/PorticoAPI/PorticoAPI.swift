import ProtoWire
