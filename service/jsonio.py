"""Flask's JSON provider, writing with the encoder the batch command and the Spark job use
(``model.request.encode_json``), so a record's answer is the same bytes wherever it is scored."""

from __future__ import annotations

from typing import Any, cast

from flask import Response
from flask.json.provider import DefaultJSONProvider

from model.request import encode_json


class JSONProvider(DefaultJSONProvider):
    """Compact UTF-8 JSON in documented field order; reading stays Flask's (the API parses bodies itself)."""

    sort_keys = False  # keep the documented field order in answers

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        if kwargs:  # indent, a default, ...: the stdlib's options, as Flask would
            return super().dumps(obj, **kwargs)
        return encode_json(obj).decode("utf-8")

    def response(self, *args: Any, **kwargs: Any) -> Response:
        """``jsonify``: the encoded bytes straight into the response, with Flask's trailing newline. One
        positional value is sent as it is, several as a list, keywords as an object (as Flask's own)."""
        if args and kwargs:
            raise TypeError("jsonify() takes positional or keyword arguments, not both")
        body = args[0] if len(args) == 1 else list(args) if args else kwargs or None
        # Flask types the provider's app as its sansio App, whose response_class takes no body; ours is a Flask.
        response_class = cast("type[Response]", self._app.response_class)
        return response_class(encode_json(body) + b"\n", mimetype=self.mimetype)
