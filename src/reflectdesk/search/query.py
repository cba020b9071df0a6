"""Turn what a person types into a safe FTS5 query.

Accepted: words, ``"a phrase"``, ``prefix*``, ``AND``/``OR``/``NOT`` (also
``Y``/``O``/``NO`` in Spanish) and parentheses. Every word is re-quoted, so FTS5's
column filters and other operators cannot be reached from user input.
"""

from __future__ import annotations

import re
import unicodedata

from reflectdesk.errors import InvalidQuery

MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 64  # FTS5 work grows fast with terms; no real search needs more
_OPS = {"AND": "AND", "OR": "OR", "NOT": "NOT", "Y": "AND", "O": "OR", "NO": "NOT"}
_WORD = re.compile(r"[\w]+", re.UNICODE)


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def tokenize(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text)
    tokens: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch == '"':
            end = text.find('"', i + 1)
            if end == -1:
                raise InvalidQuery("unbalanced_quote")
            words = _WORD.findall(text[i + 1 : end])
            if words:
                tokens.append(_quote(" ".join(words)))
            i = end + 1
        elif ch in "()":
            tokens.append(ch)
            i += 1
        else:
            m = _WORD.match(text, i)
            if not m:
                i += 1  # punctuation separates words, as the tokenizer would
                continue
            word = m.group(0)
            i = m.end()
            prefix = i < len(text) and text[i] == "*"
            if prefix:
                i += 1
            if word in _OPS and not prefix:
                tokens.append(_OPS[word])
            else:
                tokens.append(_quote(word) + ("*" if prefix else ""))
    return tokens


def to_fts(text: str) -> str:
    """The FTS5 MATCH expression, or InvalidQuery with a code for what is wrong."""
    if len(text) > MAX_QUERY_CHARS:
        raise InvalidQuery("too_long")
    tokens = tokenize(text)
    if len(tokens) > MAX_QUERY_TERMS:
        raise InvalidQuery("too_long")
    if not tokens:
        raise InvalidQuery("empty")
    depth = 0
    out: list[str] = []
    prev_operand = False
    for tok in tokens:
        if tok == "(":
            if prev_operand:
                out.append("AND")
            depth += 1
            out.append(tok)
            prev_operand = False
        elif tok == ")":
            depth -= 1
            if depth < 0 or not prev_operand:
                raise InvalidQuery("unbalanced_parenthesis")
            out.append(tok)
            prev_operand = True
        elif tok in ("AND", "OR", "NOT"):
            if not prev_operand:
                raise InvalidQuery(f"misplaced_{tok.lower()}")
            out.append(tok)
            prev_operand = False
        else:
            if prev_operand:
                out.append("AND")
            out.append(tok)
            prev_operand = True
    if depth != 0:
        raise InvalidQuery("unbalanced_parenthesis")
    if not prev_operand:
        raise InvalidQuery("dangling_operator")
    return " ".join(out)
