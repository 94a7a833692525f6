#!/usr/bin/env python3
"""Wire interop harness: Python's protobuf runtime on the other end of ProtoWire.

The Python classes are generated at run time, into a temporary folder, by grpcio-tools'
protoc from interop.proto (the schema the Swift side is generated from by schemac), so
both sides always use the same schema.

Subcommands (message files are named N.bin / N.json, N = 0, 1, 2, ...):

  generate SEED COUNT OUTDIR
      Writes COUNT random AllFields messages. Message N depends only on (SEED, N).
  check DIR [--against ORIGINAL_DIR]
      Reads the N.bin (and N.json when present) that Swift wrote for the same message,
      and reports every mismatch with a diff; exits 1 when there is one. Python's
      re-encoding must equal Swift's bytes or, with --against, ORIGINAL_DIR/N.bin (for
      bytes Swift wrote in another order, e.g. after keeping fields as unknown fields).
  canonicalize INPUT OUTPREFIX
      Parses INPUT (.bin or .json) and writes Python's OUTPREFIX.bin and OUTPREFIX.json.

Output settings, shared by every subcommand:
  binary: SerializeToString(deterministic=True), so map entries are sorted by key;
  JSON:   json_format.MessageToJson(msg, indent=None, sort_keys=True, ensure_ascii=...)
          with every other setting at its default, which is the proto3 JSON mapping's
          default form: preserving_proto_field_name=False (json_name keys),
          use_integers_for_enums=False (enum names; numbers only for values the enum does
          not define), always_print_fields_with_no_presence=False (defaults omitted).
          sort_keys=True so the text does not depend on the backend's map iteration order
          (upb's is a per-process hash order); JSON readers must accept any order anyway.
          `generate` alternates ensure_ascii by message (even N: True, odd N: False) so the
          Swift reader sees both \\uXXXX escapes (including surrogate pairs) and raw UTF-8.

JSON is compared semantically (see json_differences): objects as unordered maps, numbers
by value. Binary is compared byte for byte.

The harness runs protobuf's pure-Python implementation: its deterministic serialization
sorts map entries by key in ascending order (signed integers as signed, strings by code
point, which is UTF-8 byte order, false before true), like C++ protobuf and ProtoWire.
The default upb backend writes them in an order of its own (e.g. int32 keys -1, 5, 3).
"""

from __future__ import annotations

import argparse
import atexit
import difflib
import importlib
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
os.environ["PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION"] = "python"  # see the module doc
from google.protobuf.internal import api_implementation  # noqa: E402
from interop_random import MessageFiller  # noqa: E402

assert api_implementation.Type() == "python", api_implementation.Type()

SCHEMA = Path(__file__).resolve().with_name("interop.proto")
MESSAGE_NAME = "AllFields"


def load_schema_module():
    """Generates interop_pb2 into a temporary folder and imports it."""
    out_dir = tempfile.mkdtemp(prefix="portico-interop-py-")
    atexit.register(shutil.rmtree, out_dir, ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", f"-I{SCHEMA.parent}",
         f"--python_out={out_dir}", str(SCHEMA)],
        check=True,
    )
    sys.path.insert(0, out_dir)
    return importlib.import_module(SCHEMA.stem + "_pb2")


def to_binary(message) -> bytes:
    return message.SerializeToString(deterministic=True)


def to_json(message, ensure_ascii: bool = True) -> str:
    from google.protobuf import json_format
    return json_format.MessageToJson(message, indent=None, ensure_ascii=ensure_ascii,
                                     sort_keys=True)


# ---------------------------------------------------------------------------------------
# generate

def generate(schema, seed: int, count: int, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    message_class = getattr(schema, MESSAGE_NAME)
    for index in range(count):
        message = message_class()
        MessageFiller(seed, index).fill_top_level(message)
        (out_dir / f"{index}.bin").write_bytes(to_binary(message))
        text = to_json(message, ensure_ascii=index % 2 == 0)
        (out_dir / f"{index}.json").write_text(text, encoding="utf-8")
    print(f"generated {count} messages (seed {seed}) in {out_dir}")


# ---------------------------------------------------------------------------------------
# check

def check(schema, in_dir: Path, original_dir: Path | None = None) -> int:
    indices = sorted(int(path.stem) for path in in_dir.glob("*.bin"))
    failures = 0
    for index in indices:
        expected = (original_dir / f"{index}.bin").read_bytes() if original_dir else None
        problems = check_one(schema, in_dir, index, expected)
        if problems:
            failures += 1
            print(f"--- message {index}: " + "\n".join(problems))
    print(f"checked {len(indices)} messages, {failures} mismatches")
    return 1 if failures or not indices else 0


def check_one(schema, in_dir: Path, index: int, expected: bytes | None) -> list[str]:
    from google.protobuf import json_format
    from google.protobuf.message import DecodeError
    message_class = getattr(schema, MESSAGE_NAME)
    swift_bytes = (in_dir / f"{index}.bin").read_bytes()
    try:
        message = message_class.FromString(swift_bytes)
    except DecodeError as error:
        return [f"{index}.bin does not parse: {error}"]
    problems = []
    python_bytes = to_binary(message)
    expected_label = "Swift" if expected is None else "original"
    expected = swift_bytes if expected is None else expected
    if python_bytes != expected:
        problems.append(f"{index}.bin: Python re-encodes the bytes differently "
                        f"(- {expected_label}, + Python):\n" + wire_diff(expected, python_bytes))
    json_path = in_dir / f"{index}.json"
    if not json_path.exists():
        return problems
    swift_json = json_path.read_text(encoding="utf-8")
    try:
        from_json = json_format.Parse(swift_json, message_class())
    except json_format.ParseError as error:
        return problems + [f"{index}.json does not parse: {error}"]
    if to_binary(from_json) != python_bytes:
        problems.append(f"{index}.json parses to another message than {index}.bin "
                        "(- from .bin, + from .json):\n"
                        + text_diff(message, from_json))
    differences = json_differences(json.loads(swift_json, **NUMBERS_AS_FLOATS),
                                   json.loads(to_json(message), **NUMBERS_AS_FLOATS))
    if differences:
        problems.append(f"{index}.json differs from Python's JSON (Swift vs Python):\n"
                        + "\n".join(differences))
    return problems


def text_diff(expected, actual) -> str:
    from google.protobuf import text_format
    lines = difflib.unified_diff(text_format.MessageToString(expected).splitlines(),
                                 text_format.MessageToString(actual).splitlines(),
                                 lineterm="", n=2)
    return "\n".join(list(lines)[2:])


def wire_diff(expected: bytes, actual: bytes) -> str:
    lines = difflib.unified_diff(wire_listing(expected), wire_listing(actual),
                                 lineterm="", n=2)
    return "\n".join(list(lines)[2:])


def wire_listing(data: bytes, indent: str = "") -> list[str]:
    """One line per record, like `protoc --decode_raw` but with offsets and raw bytes;
    length-delimited records that read as messages are listed nested below their line."""
    lines = []
    for start, number, wire_type, value in wire_records(data):
        if wire_type is None:
            lines.append(f"{indent}@{start} unreadable: {value.hex()}")
            continue
        shown = value if isinstance(value, int) else abbreviated_hex(value)
        lines.append(f"{indent}@{start} field {number} wire {wire_type}: {shown}")
        if wire_type == 2 and value and all(record[2] is not None
                                            for record in wire_records(value)):
            lines += wire_listing(value, indent + "    ")
    return lines


def wire_records(data: bytes):
    """(offset, field number, wire type, value) per record; the wire type is None for
    the unreadable rest, whose bytes are the value."""
    offset = 0
    while offset < len(data):
        start = offset
        try:
            tag, offset = read_varint(data, offset)
            value, offset = read_wire_value(data, offset, tag & 7)
        except (IndexError, ValueError):
            yield start, None, None, data[start:]
            return
        yield start, tag >> 3, tag & 7, value


def abbreviated_hex(value: bytes) -> str:
    text = value.hex()
    return text if len(text) <= 96 else f"{text[:96]}... ({len(value)} bytes)"


def read_wire_value(data: bytes, offset: int, wire_type: int):
    if wire_type == 0:
        return read_varint(data, offset)
    sizes = {1: 8, 5: 4}
    if wire_type == 2:
        size, offset = read_varint(data, offset)
    elif wire_type in sizes:
        size = sizes[wire_type]
    else:
        raise ValueError(f"wire type {wire_type}")
    if offset + size > len(data):
        raise ValueError("past the end")
    return data[offset:offset + size], offset + size


def read_varint(data: bytes, offset: int):
    value, shift = 0, 0
    while shift < 70:
        byte = data[offset]
        offset += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, offset
    raise ValueError("varint longer than 10 bytes")


# Every JSON number is read as a float (float("-0") keeps the sign; the integers that
# proto3 JSON writes as numbers are 32-bit, so they are exact as floats).
NUMBERS_AS_FLOATS = {"parse_int": float, "parse_float": float}


def json_differences(swift, python, path: str = "$") -> list[str]:
    """The places where two parsed JSON values differ, compared semantically.

    Objects are compared as unordered maps; arrays element by element. Numbers (all
    floats here) are equal when they are the same double, with the sign of zero
    significant, or else when both round to the same float32: float fields may be
    written with different digits (Python prints at least 6 significant digits, e.g.
    1.4013e-45 where the shortest form is 1e-45). The binary comparison of the parsed
    messages is exact, so this leniency cannot hide a wrong value.
    """
    if isinstance(swift, dict) and isinstance(python, dict):
        out = []
        for key in sorted(swift.keys() | python.keys()):
            if key not in python:
                out.append(f"{path}.{key}: only in Swift: {short(swift[key])}")
            elif key not in swift:
                out.append(f"{path}.{key}: only in Python: {short(python[key])}")
            else:
                out += json_differences(swift[key], python[key], f"{path}.{key}")
        return out
    if isinstance(swift, list) and isinstance(python, list):
        if len(swift) != len(python):
            return [f"{path}: {len(swift)} elements vs {len(python)}"]
        out = []
        for position, (left, right) in enumerate(zip(swift, python)):
            out += json_differences(left, right, f"{path}[{position}]")
        return out
    if type(swift) is float and type(python) is float:
        same = numbers_equal(swift, python)
    else:
        same = type(swift) is type(python) and swift == python
    return [] if same else [f"{path}: {short(swift)} vs {short(python)}"]


def numbers_equal(left: float, right: float) -> bool:
    if left == right:
        return math.copysign(1, left) == math.copysign(1, right)
    try:
        return struct.pack("<f", left) == struct.pack("<f", right)
    except OverflowError:
        return False


def short(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 200 else text[:200] + "..."


# ---------------------------------------------------------------------------------------
# canonicalize

def canonicalize(schema, input_path: Path, out_prefix: str) -> int:
    from google.protobuf import json_format
    from google.protobuf.message import DecodeError
    message = getattr(schema, MESSAGE_NAME)()
    try:
        if input_path.suffix == ".json":
            json_format.Parse(input_path.read_text(encoding="utf-8"), message)
        else:
            message.MergeFromString(input_path.read_bytes())
    except (json_format.ParseError, DecodeError) as error:
        print(f"{input_path}: {error}", file=sys.stderr)
        return 2
    Path(out_prefix + ".bin").write_bytes(to_binary(message))
    Path(out_prefix + ".json").write_text(to_json(message), encoding="utf-8")
    return 0


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    generate_command = commands.add_parser("generate")
    generate_command.add_argument("seed", type=int)
    generate_command.add_argument("count", type=int)
    generate_command.add_argument("out_dir", type=Path)
    check_command = commands.add_parser("check")
    check_command.add_argument("in_dir", type=Path)
    check_command.add_argument("--against", type=Path, dest="original_dir")
    canonicalize_command = commands.add_parser("canonicalize")
    canonicalize_command.add_argument("input", type=Path)
    canonicalize_command.add_argument("out_prefix")
    options = parser.parse_args(arguments)

    schema = load_schema_module()
    if options.command == "generate":
        generate(schema, options.seed, options.count, options.out_dir)
        return 0
    if options.command == "check":
        return check(schema, options.in_dir, options.original_dir)
    return canonicalize(schema, options.input, options.out_prefix)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
