"""Random protobuf messages for the interop harness, driven by the message descriptors.

Every field of every message is reachable; values lean towards the edges where encoders
disagree: 0, -1, the limits of each integer width (every varint length), NaN, the
infinities, -0.0, subnormals, empty and astral-plane strings, combining marks (map keys
that sort differently by UTF-8 bytes than by Swift's String ordering), empty and long
repeated fields, and default values in fields with presence (which must still be written).
"""

from __future__ import annotations

import math
import random
import struct
import unicodedata

from google.protobuf import descriptor_pb2
from google.protobuf.descriptor import FieldDescriptor as F

INT_RANGES = {
    F.TYPE_INT32: (-2**31, 2**31 - 1), F.TYPE_SINT32: (-2**31, 2**31 - 1),
    F.TYPE_SFIXED32: (-2**31, 2**31 - 1), F.TYPE_UINT32: (0, 2**32 - 1),
    F.TYPE_FIXED32: (0, 2**32 - 1), F.TYPE_INT64: (-2**63, 2**63 - 1),
    F.TYPE_SINT64: (-2**63, 2**63 - 1), F.TYPE_SFIXED64: (-2**63, 2**63 - 1),
    F.TYPE_UINT64: (0, 2**64 - 1), F.TYPE_FIXED64: (0, 2**64 - 1),
}

# Not FLT_MAX itself: its shortest form, 3.4028235e+38, is above FLT_MAX as a double, and
# Python's JSON parser then rejects it ("Float value too large"); the float just below it
# prints as 3.4028233e+38.
FLOAT32_MAX = 3.4028234663852886e38
FLOAT32_BELOW_MAX = 3.4028232635611926e38
FLOAT_EDGES = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 100.0, 1e-7, 1e21, 16777216.0, math.nan,
               math.inf, -math.inf, FLOAT32_BELOW_MAX, -FLOAT32_BELOW_MAX,
               1.1754943508222875e-38, 1.401298464324817e-45, -1.401298464324817e-45]
DOUBLE_EDGES = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1e-7, 1e21, 1e22, 123456789.125,
                2.0**53, 2.0**53 + 2, math.nan, math.inf, -math.inf,
                1.7976931348623157e308, -1.7976931348623157e308, 2.2250738585072014e-308,
                5e-324, -5e-324]

# Pieces strings are made of: JSON's escapes and controls, Latin-1, combining marks, CJK,
# the line separators JavaScript dislikes, a BOM, and astral-plane characters (surrogate
# pairs in JSON \u escapes).
STRING_PIECES = ["a", "Z", "0", " ", "\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\x00",
                 "\x1f", "\x7f", "é", "ÿ", "e\u0301", "\u0300", "日本", "\u2028", "\u2029",
                 "\ufeff", "\uffff", "😀", "𝄞", "\U0010ffff", "<>&'"]
STRING_EDGES = ["", "a", " ", "\x00", "é", "e\u0301", "😀", "\U0010ffff",
                "the quick brown fox"]

DURATION_MAX_SECONDS = 315_576_000_000
TIMESTAMP_MIN_SECONDS = -62_135_596_800  # 0001-01-01T00:00:00Z
TIMESTAMP_MAX_SECONDS = 253_402_300_799  # 9999-12-31T23:59:59Z

MAX_TREE_DEPTH = 4
DEEP_CHAIN = 50  # nesting levels of the deep Tree chain (both runtimes allow 100)


class MessageFiller:
    """Fills messages at random; the same (seed, index) always gives the same message."""

    def __init__(self, seed: int, index: int):
        self.rng = random.Random(seed * 1_000_003 + index)
        self.index = index
        # Message 0 stays empty, message 1 has every field; the others vary their density.
        self.density = {0: 0.0, 1: 1.0}.get(index, self.rng.choice([0.1, 0.3, 0.6, 0.9]))

    def fill_top_level(self, message) -> None:
        self.fill(message, depth=0)
        if self.index % 10 == 7:
            self.add_deep_chain(message.tree)

    def add_deep_chain(self, tree) -> None:
        for level in range(DEEP_CHAIN):
            tree.name = f"level {level}"
            tree = tree.left

    # --- messages ----------------------------------------------------------------------

    def fill(self, message, depth: int) -> None:
        descriptor = message.DESCRIPTOR
        special = WELL_KNOWN.get(descriptor.full_name)
        if special:
            special(self, message)
            return
        optional_names = proto3_optional_names(descriptor)
        for field in descriptor.fields:
            in_real_oneof = field.containing_oneof and field.name not in optional_names
            if not in_real_oneof and self.chance(self.density_at(depth)):
                self.fill_field(message, field, depth)
        for oneof in descriptor.oneofs:
            if oneof.fields[0].name not in optional_names and self.chance(self.density_at(depth)):
                self.fill_field(message, self.rng.choice(oneof.fields), depth)

    def density_at(self, depth: int) -> float:
        return self.density if depth == 0 else self.density / (depth + 1)

    def fill_field(self, message, field, depth: int) -> None:
        if is_map(field):
            self.fill_map(getattr(message, field.name), field.message_type, depth)
        elif field.is_repeated:
            self.fill_repeated(getattr(message, field.name), field, depth)
        elif field.type == F.TYPE_MESSAGE:
            self.fill_submessage(getattr(message, field.name), depth)
        else:
            setattr(message, field.name, self.scalar(field))

    def fill_submessage(self, message, depth: int) -> None:
        message.SetInParent()
        if depth < MAX_TREE_DEPTH or message.DESCRIPTOR.full_name in WELL_KNOWN:
            self.fill(message, depth + 1)

    def fill_repeated(self, values, field, depth: int) -> None:
        for _ in range(self.length(field)):
            if field.type == F.TYPE_MESSAGE:
                self.fill_submessage(values.add(), depth)
            else:
                values.append(self.scalar(field))

    def fill_map(self, entries, entry_type, depth: int) -> None:
        key_field = entry_type.fields_by_name["key"]
        value_field = entry_type.fields_by_name["value"]
        seen = set()
        for _ in range(self.length(value_field)):
            key = self.scalar(key_field)
            # Swift's String equality is canonical equivalence: keep such keys apart.
            identity = unicodedata.normalize("NFC", key) if isinstance(key, str) else key
            if identity in seen:
                continue
            seen.add(identity)
            if value_field.type == F.TYPE_MESSAGE:
                self.fill_submessage(entries[key], depth)
            else:
                entries[key] = self.scalar(value_field)

    def length(self, field) -> int:
        roll = self.rng.random()
        if roll < 0.15:
            return 0
        if roll < 0.2 and field.type not in (F.TYPE_MESSAGE, F.TYPE_STRING, F.TYPE_BYTES):
            return self.rng.randint(200, 1000)
        return self.rng.randint(1, 6)

    # --- scalars -----------------------------------------------------------------------

    def scalar(self, field):
        kind = field.type
        if kind in INT_RANGES:
            return self.integer(*INT_RANGES[kind])
        if kind == F.TYPE_FLOAT:
            return self.float32()
        if kind == F.TYPE_DOUBLE:
            return self.double()
        if kind == F.TYPE_BOOL:
            return self.chance(0.5)
        if kind == F.TYPE_STRING:
            return self.string()
        if kind == F.TYPE_BYTES:
            return self.bytes()
        if kind == F.TYPE_ENUM:
            return self.enum_number(field.enum_type)
        raise ValueError(f"no values for field type {kind}")

    def integer(self, low: int, high: int) -> int:
        if self.chance(0.3):
            edges = [0, 1, -1, 127, 128, 16383, 16384, low, high, low + 1, high - 1]
            return self.rng.choice([edge for edge in edges if low <= edge <= high])
        # A random bit length gives every varint length an even chance.
        magnitude = self.rng.getrandbits(self.rng.randint(0, high.bit_length()))
        value = -magnitude if low < 0 and self.chance(0.5) else magnitude
        return max(low, min(high, value))

    def float32(self) -> float:
        if self.chance(0.3):
            return self.rng.choice(FLOAT_EDGES)
        if self.chance(0.5):
            value = self.rng.randint(-10**6, 10**6) / 10**self.rng.randint(0, 6)
        else:
            value = struct.unpack("<f", struct.pack("<I", self.rng.getrandbits(32)))[0]
        # NaN payloads do not survive JSON: random bits that are NaN become the plain NaN.
        if math.isnan(value):
            return math.nan
        value = round_to_float32(value)
        return math.copysign(FLOAT32_BELOW_MAX, value) if abs(value) == FLOAT32_MAX else value

    def double(self) -> float:
        if self.chance(0.3):
            return self.rng.choice(DOUBLE_EDGES)
        if self.chance(0.5):
            return self.rng.randint(-10**9, 10**9) / 10**self.rng.randint(0, 9)
        value = struct.unpack("<d", struct.pack("<Q", self.rng.getrandbits(64)))[0]
        return math.nan if math.isnan(value) else value

    def string(self) -> str:
        if self.chance(0.2):
            return self.rng.choice(STRING_EDGES)
        count = self.rng.randint(200, 600) if self.chance(0.05) else self.rng.randint(1, 12)
        return "".join(self.rng.choice(STRING_PIECES) for _ in range(count))

    def bytes(self) -> bytes:
        roll = self.rng.random()
        if roll < 0.15:
            return b""
        if roll < 0.2:
            return bytes(range(256))
        count = self.rng.randint(2000, 5000) if roll < 0.25 else self.rng.randint(1, 40)
        return self.rng.randbytes(count)

    def enum_number(self, enum_type) -> int:
        # NullValue's JSON form is null whatever its number, so only its one value
        # survives a trip through JSON.
        if enum_type.full_name == "google.protobuf.NullValue":
            return 0
        if self.chance(0.1):  # a value this (open) enum does not define
            return self.rng.choice([42, -7, 100000])
        return self.rng.choice(sorted(enum_type.values_by_number))

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    # --- well-known types ----------------------------------------------------------------

    def fill_timestamp(self, message) -> None:
        roll = self.rng.random()
        if roll < 0.2:
            message.seconds, message.nanos = self.rng.choice([
                (0, 0), (-1, 500_000_000), (TIMESTAMP_MIN_SECONDS, 0),
                (TIMESTAMP_MAX_SECONDS, 999_999_999), (1_700_000_000, 1_000)])
            return
        message.seconds = self.rng.randint(TIMESTAMP_MIN_SECONDS, TIMESTAMP_MAX_SECONDS)
        message.nanos = self.nanos()

    def fill_duration(self, message) -> None:
        if self.chance(0.2):
            message.seconds, message.nanos = self.rng.choice([
                (0, 0), (0, -500_000_000), (0, 1), (-1, -1), (DURATION_MAX_SECONDS, 999_999_999),
                (-DURATION_MAX_SECONDS, -999_999_999)])
            return
        seconds = self.rng.randint(-DURATION_MAX_SECONDS, DURATION_MAX_SECONDS)
        nanos = self.nanos()
        message.seconds, message.nanos = seconds, -nanos if seconds < 0 else nanos

    def nanos(self) -> int:
        # JSON writes 0, 3, 6 or 9 fractional digits: give each its share.
        unit = self.rng.choice([0, 1_000_000, 1_000, 1])
        return 0 if unit == 0 else self.rng.randrange(0, 1_000_000_000, unit)

    def fill_wrapper(self, message) -> None:
        value_field = message.DESCRIPTOR.fields_by_name["value"]
        message.SetInParent()
        if self.chance(0.8):  # else the wrapped default, which JSON still writes
            message.value = self.scalar(value_field)

    def fill_struct(self, message, depth: int = 0) -> None:
        message.SetInParent()
        seen = set()
        for _ in range(self.rng.randint(0, 4)):
            key = self.string()
            if unicodedata.normalize("NFC", key) not in seen:
                seen.add(unicodedata.normalize("NFC", key))
                self.fill_value(message.fields[key], depth + 1)

    def fill_list(self, message, depth: int = 0) -> None:
        message.SetInParent()
        for _ in range(self.rng.randint(0, 4)):
            self.fill_value(message.values.add(), depth + 1)

    def fill_value(self, message, depth: int = 0) -> None:
        kinds = ["null", "number", "string", "bool"] + (["struct", "list"] if depth < 3 else [])
        kind = self.rng.choice(kinds)
        if kind == "null":
            message.null_value = 0
        elif kind == "number":  # JSON has no NaN or infinity for a Value
            value = self.double()
            message.number_value = value if math.isfinite(value) else 0.0
        elif kind == "string":
            message.string_value = self.string()
        elif kind == "bool":
            message.bool_value = self.chance(0.5)
        elif kind == "struct":
            self.fill_struct(message.struct_value, depth)
        else:
            self.fill_list(message.list_value, depth)

    def fill_field_mask(self, message) -> None:
        # Paths must survive the JSON form's lowerCamelCase: lower-case words joined by "_".
        words = ["id", "name", "display", "v2", "work", "order", "x"]
        for _ in range(self.rng.randint(0, 4)):
            segments = ["_".join(self.rng.choice(words) for _ in range(self.rng.randint(1, 3)))
                        for _ in range(self.rng.randint(1, 3))]
            message.paths.append(".".join(segments))

    def fill_empty(self, message) -> None:
        message.SetInParent()


WELL_KNOWN = {
    "google.protobuf.Timestamp": MessageFiller.fill_timestamp,
    "google.protobuf.Duration": MessageFiller.fill_duration,
    "google.protobuf.Struct": MessageFiller.fill_struct,
    "google.protobuf.ListValue": MessageFiller.fill_list,
    "google.protobuf.Value": MessageFiller.fill_value,
    "google.protobuf.FieldMask": MessageFiller.fill_field_mask,
    "google.protobuf.Empty": MessageFiller.fill_empty,
    **{f"google.protobuf.{name}Value": MessageFiller.fill_wrapper
       for name in ["Double", "Float", "Int64", "UInt64", "Int32", "UInt32", "Bool",
                    "String", "Bytes"]},
}


def is_map(field) -> bool:
    return (field.type == F.TYPE_MESSAGE and field.is_repeated
            and field.message_type.GetOptions().map_entry)


_optional_names_cache: dict[str, frozenset[str]] = {}


def proto3_optional_names(descriptor) -> frozenset[str]:
    """Fields declared `optional` (their synthetic oneofs are not real oneofs)."""
    names = _optional_names_cache.get(descriptor.full_name)
    if names is None:
        proto = descriptor_pb2.DescriptorProto()
        descriptor.CopyToProto(proto)
        names = frozenset(field.name for field in proto.field if field.proto3_optional)
        _optional_names_cache[descriptor.full_name] = names
    return names


def round_to_float32(value: float) -> float:
    try:
        return struct.unpack("<f", struct.pack("<f", value))[0]
    except OverflowError:  # beyond FLT_MAX: float32 rounds it to infinity
        return math.copysign(math.inf, value)
