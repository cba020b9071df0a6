"""Bech32 (BIP 173) as age uses it for keys: ``age1…`` recipients, ``AGE-SECRET-KEY-1…``.

An encoding, not cryptography: a checksummed base-32 text for 32-byte keys. age
uses the original Bech32 checksum (not Bech32m) and no 90-character length limit.
Written from BIP 173's reference algorithm; tests check it against ``pyrage``'s
parser and the C2SP age vectors' identities.
"""

from __future__ import annotations

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_VALUES = {c: i for i, c in enumerate(_CHARSET)}
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
_MAX_TEXT = 200  # a 32-byte key is ~60 characters; anything longer is not a key


def _polymod(values: list[int]) -> int:
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            if (top >> i) & 1:
                check ^= _GENERATOR[i]
    return check


def _expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _regroup(data: bytes | list[int], source: int, target: int, pad: bool) -> list[int]:
    acc = bits = 0
    out: list[int] = []
    top = (1 << target) - 1
    for value in data:
        acc = (acc << source) | value
        bits += source
        while bits >= target:
            bits -= target
            out.append((acc >> bits) & top)
    if pad:
        if bits:
            out.append((acc << (target - bits)) & top)
    elif bits >= source or (acc << (target - bits)) & top:
        raise ValueError("bech32: non-zero padding")
    return out


def encode(hrp: str, data: bytes) -> str:
    """Lower-case Bech32 of ``data`` under the human-readable part ``hrp``."""
    hrp = hrp.lower()
    words = _regroup(data, 8, 5, pad=True)
    check = _polymod(_expand(hrp) + words + [0] * 6) ^ 1
    words += [(check >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_CHARSET[w] for w in words)


def decode(text: str) -> tuple[str, bytes]:
    """``(hrp, data)`` of a Bech32 string (all lower or all upper case); ``ValueError``."""
    if len(text) > _MAX_TEXT or not text.isascii():
        raise ValueError("bech32: too long or not ASCII")
    if text.lower() != text and text.upper() != text:
        raise ValueError("bech32: mixed case")
    lower = text.lower()
    sep = lower.rfind("1")
    if sep < 1 or sep + 7 > len(lower):
        raise ValueError("bech32: no separator or checksum")
    hrp = lower[:sep]
    if any(not 33 <= ord(c) <= 126 for c in hrp):
        raise ValueError("bech32: human-readable part")
    try:
        words = [_VALUES[c] for c in lower[sep + 1 :]]
    except KeyError:
        raise ValueError("bech32: character outside the alphabet") from None
    if _polymod(_expand(hrp) + words) != 1:
        raise ValueError("bech32: checksum")
    return hrp, bytes(_regroup(words[:-6], 5, 8, pad=False))
