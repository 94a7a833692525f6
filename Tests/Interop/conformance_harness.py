#!/usr/bin/env python3
"""Round-trip harness for the protoc conformance corpus: Python's protobuf runtime on the
other end of schemac's generated types (the ConformanceTypes test target), for every
message type of every valid case.

Nothing here knows a schema: each case is compiled into a descriptor set, loaded into a
descriptor pool of its own (cases reuse file and type names, so they cannot share one),
and its messages are built through reflection. The compiler is `protoc` on PATH, protoc
3.21 as Tools/test installs it: the corpus' reference. (grpcio-tools' newer protoc
rejects a case protoc 3.21 accepts: handwritten_map_entry.proto's `option map_entry`.)

A case is a file `valid/NAME.proto` (case NAME, import root `valid`) or a folder
`valid/NAME/` (case NAME, import root the folder, every `.proto` file in it). Its message
types are every message of its own files (not `google/protobuf/*`), nested ones included,
map entries excluded, as in schemac's per-file registries.

Subcommands:

  generate CORPUS SEED OUTDIR [--case NAME]...
      CORPUS is the corpus' `valid` folder. For every message type of every case (or of
      the named cases) writes
      OUTDIR/CASE/FULL_NAME/N.bin and N.json (N = 0, 1, ...; message N depends only on
      SEED, the case, the type and N), the case's descriptor set as
      OUTDIR/CASE/descriptors.pb, and OUTDIR/manifest.json:
        {"cases": {CASE: {FULL_NAME: {"count": COUNT, "nan": [N, ...]}}}}
      where "nan" lists the messages that may hold a NaN (never equal to themselves).
  check PYTHONDIR SWIFTDIR
      For every message of PYTHONDIR's manifest, reads what Swift wrote for it as
      SWIFTDIR/CASE/FULL_NAME/N.bin and N.json: Python must parse both into the message it
      generated (same deterministic bytes), and Swift's JSON must equal Python's JSON as
      JSON values. Prints one `--- CASE FULL_NAME #N: ...` block per mismatch and ends
      with `checked M messages of T types in C cases, F mismatches`; exits 1 when there is
      a mismatch.

Message coverage: message 0 is empty; messages 1 and 2 set every field outside oneofs at
the top level; from message 1 on, every top-level oneof is set, member (N - 1 + position)
in turn, so the count (1 + max(4, largest oneof)) reaches every member. Values come from
the interop filler (interop_random.py): edge integers and floats, non-ASCII strings,
bytes, unknown enum numbers, nested and recursive messages down to a depth cap, repeated
fields, maps, proto3 `optional` fields, and the well-known types. `google.protobuf.Any`
holds a message of the case or a well-known type, packed deterministically.

Output settings are harness.py's: binary `SerializeToString(deterministic=True)`; JSON
`json_format.MessageToJson(indent=None, sort_keys=True)` with the proto3 defaults (json
names, enum names, defaults omitted), ensure_ascii alternating by message (even N: True).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__ (harness.py too)
from harness import (NUMBERS_AS_FLOATS, json_differences, text_diff, to_binary,  # noqa: E402
                     wire_diff)
from interop_random import WELL_KNOWN, MessageFiller  # noqa: E402

from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory  # noqa: E402
from google.protobuf.descriptor import FieldDescriptor as F  # noqa: E402

DESCRIPTOR_SET = "descriptors.pb"
MANIFEST = "manifest.json"
MIN_COUNT = 5

# Well-known types an Any may hold when the case's pool has them: special JSON forms
# under "value", and Empty, which is inlined like any message.
ANY_WELL_KNOWN_PAYLOADS = ["google.protobuf.Timestamp", "google.protobuf.Duration",
                           "google.protobuf.Struct", "google.protobuf.Value",
                           "google.protobuf.Int64Value", "google.protobuf.FieldMask",
                           "google.protobuf.Empty"]


# ---------------------------------------------------------------------------------------
# cases

class Case:
    """One conformance case: its import root and its files (relative to the root)."""

    def __init__(self, name: str, root: Path, files: list[str]):
        self.name = name
        self.root = root
        self.files = files

    @staticmethod
    def discover(corpus: Path) -> list["Case"]:
        cases = [Case(path.stem, corpus, [path.name]) for path in corpus.glob("*.proto")]
        for folder in (path for path in corpus.iterdir() if path.is_dir()):
            files = sorted(str(path.relative_to(folder)) for path in folder.rglob("*.proto"))
            cases.append(Case(folder.name, folder, files))
        return sorted(cases, key=lambda case: case.name)

    def compile(self, scratch: Path) -> bytes:
        """The case's FileDescriptorSet (imports included), from `protoc` on PATH."""
        out = scratch / f"{self.name}.pb"
        # Output only on failure: protoc warns about the corpus' unused imports.
        run = subprocess.run(["protoc", f"-I{self.root}", "--include_imports",
                              f"--descriptor_set_out={out}", *self.files],
                             capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError(f"protoc failed on case {self.name}:\n{run.stderr}")
        return out.read_bytes()


class CaseTypes:
    """A case's descriptor pool and message classes."""

    def __init__(self, descriptor_set: bytes):
        self.pool = descriptor_pool.DescriptorPool()
        files = descriptor_pb2.FileDescriptorSet.FromString(descriptor_set).file
        for file in files:  # --include_imports lists every file after its imports
            self.pool.AddSerializedFile(file.SerializeToString())
        own = [file.name for file in files if not file.name.startswith("google/protobuf/")]
        # Pool descriptors cannot say which oneofs are the synthetic ones of `optional`
        # fields; their protos can.
        self.optional_names: dict[str, frozenset[str]] = {}
        for file in files:
            for message in file.message_type:
                self.note_optionals(message, file.package)
        self.descriptors = {}
        for file_name in own:
            for message in self.pool.FindFileByName(file_name).message_types_by_name.values():
                self.add_with_nested(message)
        self.any_payloads = sorted(self.descriptors) + [
            name for name in ANY_WELL_KNOWN_PAYLOADS if self.has_message(name)]

    def add_with_nested(self, descriptor) -> None:
        if descriptor.GetOptions().map_entry:
            return
        self.descriptors[descriptor.full_name] = descriptor
        for nested in descriptor.nested_types:
            self.add_with_nested(nested)

    def note_optionals(self, message, scope: str) -> None:
        full_name = f"{scope}.{message.name}" if scope else message.name
        self.optional_names[full_name] = frozenset(
            field.name for field in message.field if field.proto3_optional)
        for nested in message.nested_type:
            self.note_optionals(nested, full_name)

    def real_oneofs(self, descriptor) -> list:
        optional_names = self.optional_names.get(descriptor.full_name, frozenset())
        return [oneof for oneof in descriptor.oneofs if oneof.fields[0].name not in optional_names]

    def message_count(self, descriptor) -> int:
        largest_oneof = max((len(oneof.fields) for oneof in self.real_oneofs(descriptor)), default=0)
        return 1 + max(MIN_COUNT - 1, largest_oneof)

    def has_message(self, full_name: str) -> bool:
        try:
            self.pool.FindMessageTypeByName(full_name)
            return True
        except KeyError:
            return False

    def new_message(self, full_name: str):
        descriptor = self.pool.FindMessageTypeByName(full_name)
        return message_factory.GetMessageClass(descriptor)()

    def repack_any_payloads(self, message) -> None:
        """Re-serializes every Any payload deterministically. json_format.Parse packs the
        payloads it reads without `deterministic=True`, so the map entries inside them
        keep the JSON's member order, which JSON leaves free."""
        for field, value in message.ListFields():
            if field.type != F.TYPE_MESSAGE:
                continue
            if field.message_type.GetOptions().map_entry:
                if field.message_type.fields_by_name["value"].type != F.TYPE_MESSAGE:
                    continue
                items = list(value.values())
            else:
                items = list(value) if field.is_repeated else [value]
            for item in items:
                self.repack_any_payloads(item)
        if message.DESCRIPTOR.full_name == "google.protobuf.Any" and message.type_url:
            payload = self.new_message(message.TypeName())
            payload.MergeFromString(message.value)
            self.repack_any_payloads(payload)
            message.value = payload.SerializeToString(deterministic=True)

    def to_json(self, message, ensure_ascii: bool = True) -> str:
        return json_format.MessageToJson(message, indent=None, sort_keys=True,
                                         ensure_ascii=ensure_ascii, descriptor_pool=self.pool)

    def parse_json(self, text: str, full_name: str):
        return json_format.Parse(text, self.new_message(full_name), descriptor_pool=self.pool)


# ---------------------------------------------------------------------------------------
# generate

class CaseFiller(MessageFiller):
    """The interop filler with full top-level coverage, Any payloads from the case, and a
    note of every NaN it writes."""

    def __init__(self, seed: int, key: str, index: int, types: CaseTypes):
        super().__init__(seed, index)
        self.rng = random.Random(f"{seed}/{key}/{index}")  # str seeds are stable (SHA-512)
        self.density = {0: 0.0, 1: 1.0, 2: 1.0}.get(index, self.rng.choice([0.3, 0.6, 0.9]))
        self.types = types
        self.saw_nan = False

    def fill(self, message, depth: int) -> None:
        descriptor = message.DESCRIPTOR
        if descriptor.full_name == "google.protobuf.Any":
            self.fill_any(message, depth)
            return
        if descriptor.full_name in WELL_KNOWN:
            WELL_KNOWN[descriptor.full_name](self, message)
            return
        oneofs = self.types.real_oneofs(descriptor)
        for field in descriptor.fields:
            if field.containing_oneof not in oneofs and self.chance(self.density_at(depth)):
                self.fill_field(message, field, depth)
        for position, oneof in enumerate(oneofs):
            if depth == 0 and self.index > 0:
                self.fill_field(message, oneof.fields[(self.index - 1 + position) % len(oneof.fields)], depth)
            elif self.chance(self.density_at(depth)):
                self.fill_field(message, self.rng.choice(oneof.fields), depth)

    def fill_any(self, message, depth: int) -> None:
        payload = self.types.new_message(self.rng.choice(self.types.any_payloads))
        # Well-known payloads are always filled, as fields of their types are: an empty
        # Value has no JSON form (it would come back as null).
        if depth < 3 or payload.DESCRIPTOR.full_name in WELL_KNOWN:
            self.fill(payload, depth + 1)
        message.Pack(payload, deterministic=True)

    def enum_number(self, enum_type) -> int:
        # JSON writes every NullValue as null, which reads back as 0: other numbers
        # cannot survive the JSON form.
        if enum_type.full_name == "google.protobuf.NullValue":
            return 0
        return super().enum_number(enum_type)

    def float32(self) -> float:
        return self.noting_nan(super().float32())

    def double(self) -> float:
        return self.noting_nan(super().double())

    def noting_nan(self, value: float) -> float:
        self.saw_nan = self.saw_nan or math.isnan(value)
        return value


def generate(corpus: Path, seed: int, out_dir: Path, only: list[str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="portico-conformance-py-") as scratch:
        for case in Case.discover(corpus):
            if only and case.name not in only:
                continue
            descriptor_set = case.compile(Path(scratch))
            (out_dir / case.name).mkdir()
            (out_dir / case.name / DESCRIPTOR_SET).write_bytes(descriptor_set)
            manifest[case.name] = generate_case(case.name, CaseTypes(descriptor_set), seed, out_dir)
    (out_dir / MANIFEST).write_text(json.dumps({"cases": manifest}, indent=1, sort_keys=True))
    types = sum(len(case) for case in manifest.values())
    messages = sum(entry["count"] for case in manifest.values() for entry in case.values())
    print(f"generated {messages} messages of {types} types in {len(manifest)} cases in {out_dir}")


def generate_case(name: str, types: CaseTypes, seed: int, out_dir: Path) -> dict:
    entries = {}
    for full_name, descriptor in sorted(types.descriptors.items()):
        type_dir = out_dir / name / full_name
        type_dir.mkdir()
        count = types.message_count(descriptor)
        with_nan = []
        for index in range(count):
            message = types.new_message(full_name)
            filler = CaseFiller(seed, f"{name}/{full_name}", index, types)
            filler.fill(message, depth=0)
            if filler.saw_nan:
                with_nan.append(index)
            (type_dir / f"{index}.bin").write_bytes(to_binary(message))
            text = types.to_json(message, ensure_ascii=index % 2 == 0)
            (type_dir / f"{index}.json").write_text(text, encoding="utf-8")
        entries[full_name] = {"count": count, "nan": with_nan}
    return entries


# ---------------------------------------------------------------------------------------
# check

def check(python_dir: Path, swift_dir: Path) -> int:
    cases = json.loads((python_dir / MANIFEST).read_text())["cases"]
    checked = failures = types_seen = 0
    for case_name, entries in sorted(cases.items()):
        types = CaseTypes((python_dir / case_name / DESCRIPTOR_SET).read_bytes())
        for full_name, entry in sorted(entries.items()):
            types_seen += 1
            for index in range(entry["count"]):
                checked += 1
                problems = check_one(types, full_name, python_dir / case_name / full_name,
                                     swift_dir / case_name / full_name, index)
                if problems:
                    failures += 1
                    print(f"--- {case_name} {full_name} #{index}: " + "\n".join(problems))
    print(f"checked {checked} messages of {types_seen} types in {len(cases)} cases, "
          f"{failures} mismatches")
    return 1 if failures or not checked else 0


def check_one(types: CaseTypes, full_name: str, python_dir: Path, swift_dir: Path,
              index: int) -> list[str]:
    python_bytes = (python_dir / f"{index}.bin").read_bytes()
    original = types.new_message(full_name)
    original.MergeFromString(python_bytes)
    problems = []
    binary_path, json_path = swift_dir / f"{index}.bin", swift_dir / f"{index}.json"
    if not binary_path.exists() or not json_path.exists():
        return [f"Swift wrote no {index}.bin or {index}.json"]
    swift_bytes = binary_path.read_bytes()
    if swift_bytes != python_bytes:
        problems.append("Swift's bytes differ (- Python, + Swift):\n"
                        + wire_diff(python_bytes, swift_bytes))
    swift_json = json_path.read_text(encoding="utf-8")
    try:
        from_json = types.parse_json(swift_json, full_name)
    except json_format.ParseError as error:
        return problems + [f"Swift's JSON does not parse: {error}\n{swift_json}"]
    types.repack_any_payloads(from_json)
    if to_binary(from_json) != python_bytes:
        problems.append("Swift's JSON parses to another message (- generated, + from Swift's "
                        "JSON):\n" + text_diff(original, from_json) + f"\nSwift's JSON: {swift_json}")
    differences = json_differences(json.loads(swift_json, **NUMBERS_AS_FLOATS),
                                   json.loads(types.to_json(original), **NUMBERS_AS_FLOATS))
    if differences:
        problems.append("Swift's JSON differs from Python's (Swift vs Python):\n"
                        + "\n".join(differences))
    return problems


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    generate_command = commands.add_parser("generate")
    generate_command.add_argument("corpus", type=Path)
    generate_command.add_argument("seed", type=int)
    generate_command.add_argument("out_dir", type=Path)
    generate_command.add_argument("--case", action="append", default=[], dest="cases")
    check_command = commands.add_parser("check")
    check_command.add_argument("python_dir", type=Path)
    check_command.add_argument("swift_dir", type=Path)
    options = parser.parse_args(arguments)
    if options.command == "generate":
        generate(options.corpus, options.seed, options.out_dir, options.cases)
        return 0
    return check(options.python_dir, options.swift_dir)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
