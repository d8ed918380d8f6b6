"""The 200 body of POST /v1/score, byte for byte what ``jsonify`` writes (Flask's compact, ASCII-escaped JSON,
keys in their order, a newline after), with each distinct ``features`` object of the claims encoded once.

The claims' ``features`` objects were almost half of the encoding's time, and a request's claims share few of
them (the PolNeAR dev articles' 3,502 claims hold 292 distinct vectors). The body is encoded by the same C
encoder with every claim's ``features`` replaced by a marker string; the markers are then replaced, in order,
by the encoded objects, remembered by their keys and the exact bits of their values. Anything else (debug's
indented JSON, other encoder settings, a marker already in the text, a value that is not a float) is encoded
as ``jsonify`` does, whole.
"""

from __future__ import annotations

import json
import struct
from typing import Any

from flask import Flask, Response, jsonify
from flask.json.provider import DefaultJSONProvider

_MARK = "\x00features\x00"  # never in an answer but as this marker: a text holding it is encoded whole
_FLOAT = frozenset({float})
_CACHED = 4096  # encoded features objects kept, then forgotten at once: hostile input cannot grow the table
_ENCODED: dict[tuple[tuple[str, ...], bytes], str] = {}
_PACKERS: dict[int, struct.Struct] = {}


def score_response(app: Flask, body: dict[str, Any]) -> Response:
    """``jsonify(body)`` for the answer of POST /v1/score."""
    provider = app.json
    # Flask's own provider, compact, ASCII-escaped and keys in order only (the cache is keyed by nothing else).
    if type(provider) is not DefaultJSONProvider or app.debug or provider.compact is False \
            or provider.ensure_ascii is not True or provider.sort_keys is not False:
        return jsonify(body)
    encode = json.JSONEncoder(ensure_ascii=True, sort_keys=False, separators=(",", ":"),
                              default=provider.default).encode
    claims = [c for d in body.get("documents", ()) for c in d.get("claims", ())]
    features = [c.get("features") for c in claims]
    if not claims or any(type(f) is not dict for f in features):
        return jsonify(body)
    for c in claims:
        c["features"] = _MARK  # the key keeps its place: only its value is swapped
    try:
        pieces = encode(body).split(encode(_MARK))
    finally:
        for c, f in zip(claims, features, strict=True):
            c["features"] = f
    if len(pieces) != len(features) + 1:  # the marker was in the text too
        return jsonify(body)
    out = [pieces[0]]
    for f, piece in zip(features, pieces[1:], strict=True):
        out.append(_features(f, encode))
        out.append(piece)
    out.append("\n")
    return app.response_class("".join(out), mimetype=provider.mimetype)


def _features(f: dict, encode: Any) -> str:
    """One claim's encoded ``features``, worked out once per distinct object: its keys in order and the bits of
    its float values (so 0.0 and -0.0 stay apart); any other value is encoded as it is."""
    values = tuple(f.values())
    if not _FLOAT.issuperset(map(type, values)):
        return encode(f)
    packer = _PACKERS.get(len(values))
    if packer is None:
        packer = _PACKERS[len(values)] = struct.Struct(f"{len(values)}d")
    key = (tuple(f), packer.pack(*values))
    found = _ENCODED.get(key)
    if found is None:
        found = encode(f)
        if len(_ENCODED) >= _CACHED:
            _ENCODED.clear()
        _ENCODED[key] = found
    return found
