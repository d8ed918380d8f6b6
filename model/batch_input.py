"""The batch command's input: request bodies, one per record, from JSONL, CSV or a folder of .txt files.

Every record becomes the bytes of a request body as ``POST /v1/score`` would
receive it, so the batch command validates it exactly as HTTP does:

- JSONL: each line is a body as sent (line N is record N; a blank line is a
  record, and is refused as HTTP refuses an empty body);
- CSV: a header row with a ``text`` column (``--text-column``) and, when
  present, ``id``, ``title``, ``url``, ``outlet``; each row is one document,
  ``{"id": ..., "text": ...}``; an empty cell counts as absent; other
  columns are ignored;
- a folder: every ``*.txt`` below it, in path order, is one document whose id
  is its path relative to the folder without ``.txt``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from model.request import RequestError, too_large

OPTIONAL_COLUMNS = ("id", "title", "url", "outlet")


@dataclass(frozen=True)
class Record:
    """One input record: its number (= its line in OUT), where it came from, and its body or why it has none."""

    number: int
    where: dict = field(default_factory=dict)  # {"line": 4} or {"file": "a/b.txt"}: for rejects and messages
    body: bytes | None = None
    refused: RequestError | None = None  # refused before it was a body (too large unread, not UTF-8)

    def label(self) -> str:
        """'line 4', 'line 9 (record 8)' or 'file a.txt (record 3)', for messages."""
        if "file" in self.where:
            return f"file {self.where['file']} (record {self.number})"
        line = self.where.get("line", self.number)
        return f"line {line}" if line == self.number else f"line {line} (record {self.number})"


class InputError(ValueError):
    """The input as a whole cannot be read (no text column, not UTF-8 CSV, no such file)."""


class Records:
    """An input's records, counted up front (for the progress bar) and read lazily, from a given record on."""

    def __init__(self, path: str, max_body_bytes: int, text_column: str = "text", explain: bool = True) -> None:
        self.path = path
        self.max_body_bytes = max_body_bytes
        self.text_column = text_column
        self.explain = explain
        if path != "-" and not Path(path).exists():
            raise InputError(f"{path}: no such file or folder")
        self.kind = "jsonl" if path == "-" else "folder" if Path(path).is_dir() else \
            "csv" if path.lower().endswith(".csv") else "jsonl"

    def count(self) -> int | None:
        """How many records there are; None for standard input."""
        if self.path == "-":
            return None
        if self.kind == "folder":
            return len(self._files())
        if self.kind == "csv":
            return sum(1 for _ in self._csv_rows())
        with open(self.path, "rb") as f:
            newlines, last = 0, b"\n"
            while chunk := f.read(1 << 20):
                newlines += chunk.count(b"\n")
                last = chunk[-1:]
        return newlines + (last != b"\n")

    def read(self, start: int = 0) -> Iterator[Record]:
        """Records after the first ``start`` (a resumed run skips those already written)."""
        reader = {"jsonl": self._jsonl, "csv": self._csv, "folder": self._folder}[self.kind]
        return reader(start)

    # ------------------------------------------------------------ JSONL

    def _jsonl(self, start: int) -> Iterator[Record]:
        stream = sys.stdin.buffer if self.path == "-" else open(self.path, "rb")  # noqa: SIM115
        try:
            for number, (line, length) in enumerate(_lines(stream, self.max_body_bytes), 1):
                if number <= start:
                    continue
                if line is None:
                    yield Record(number, {"line": number}, refused=too_large(length, self.max_body_bytes))
                else:
                    yield Record(number, {"line": number}, body=line)
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()

    # -------------------------------------------------------------- CSV

    def _csv_rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(first line of the row, row) for every data row."""
        csv.field_size_limit(max(self.max_body_bytes, 131072))  # a document may be longer than csv's default
        try:
            with open(self.path, encoding="utf-8-sig", newline="") as f:
                reader = csv.DictReader(f)
                columns = reader.fieldnames or []
                if self.text_column not in columns:
                    raise InputError(f"{self.path}: no {self.text_column!r} column; the header has "
                                     f"{', '.join(map(repr, columns)) or 'no columns'}")
                line = reader.line_num + 1
                for row in reader:
                    yield line, row
                    line = reader.line_num + 1
        except UnicodeDecodeError as e:
            raise InputError(f"{self.path} is not UTF-8: invalid byte at position {e.start}") from None
        except csv.Error as e:
            raise InputError(f"{self.path}: not readable as CSV: {e}") from None

    def _csv(self, start: int) -> Iterator[Record]:
        for number, (line, row) in enumerate(self._csv_rows(), 1):
            if number > start:
                yield Record(number, {"line": line}, body=self._body(row.get(self.text_column), row))

    # ----------------------------------------------------------- folder

    def _files(self) -> list[Path]:
        return sorted(Path(self.path).rglob("*.txt"))

    def _folder(self, start: int) -> Iterator[Record]:
        root = Path(self.path)
        for number, path in enumerate(self._files(), 1):
            if number <= start:
                continue
            name = path.relative_to(root).as_posix()
            where = {"file": name}
            size = path.stat().st_size
            if size > self.max_body_bytes:  # the body would be larger still: refuse it unread, as HTTP does
                yield Record(number, where, refused=too_large(size, self.max_body_bytes))
                continue
            try:
                text = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError as e:
                refused = RequestError(400, f"{name} is not UTF-8: invalid byte at position {e.start}.",
                                       reason="invalid_json")
                yield Record(number, where, refused=refused)
                continue
            yield Record(number, where, body=self._body(text, {"id": name.removesuffix(".txt")}))

    def _body(self, text: str | None, row: Mapping[str, str | None]) -> bytes:
        """A single-document request body; empty optional cells are left out."""
        body: dict = {k: row[k] for k in OPTIONAL_COLUMNS if row.get(k)}
        body["text"] = text  # None (a short CSV row) is refused by validation, naming "text"
        if not self.explain:
            body["options"] = {"explain": False}
        return json.dumps(body).encode("utf-8")


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """(line without its newline, its length) per line; (None, length) for a line over ``limit`` bytes, read
    no further than needed to find its end (HTTP refuses such a body from its length, unread)."""
    while line := stream.readline(limit + 3):  # room for "\r\n" and one byte over
        if line.endswith(b"\n") or len(line) <= limit:  # a whole line (the last may lack its newline)
            body = line.removesuffix(b"\n").removesuffix(b"\r")
            yield (body if len(body) <= limit else None), len(body)
            continue
        length = len(line)
        while not line.endswith(b"\n") and (line := stream.readline(1 << 20)):
            length += len(line)
        yield None, length - line.endswith(b"\n")
