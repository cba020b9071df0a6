import os

import pytest

from reflectdesk.crypto import kdf
from reflectdesk.errors import InvalidValue


def test_calibration_respects_owasp_floor_and_target() -> None:
    params = kdf.calibrate(target_seconds=0.2)
    assert not params.light
    assert params.memory_kib >= kdf.FLOOR_MEMORY_KIB
    assert params.iterations >= kdf.FLOOR_ITERATIONS
    assert len(params.salt) == 16
    params.validate()


def test_light_parameters_only_by_name() -> None:
    light = kdf.KdfParams.insecure_for_tests()
    assert light.light
    light.validate()
    # The same weak numbers without the explicit flag are refused (a downgraded header).
    weak = kdf.KdfParams(os.urandom(16), light.memory_kib, light.iterations, 1, light=False)
    with pytest.raises(InvalidValue):
        weak.validate()


@pytest.mark.parametrize(
    ("memory", "iterations", "lanes"),
    [(kdf.MAX_MEMORY_KIB * 2, 2, 1), (65536, 0, 1), (65536, 1000, 1), (65536, 2, 0)],
)
def test_absurd_parameters_rejected(memory: int, iterations: int, lanes: int) -> None:
    with pytest.raises(InvalidValue):
        kdf.KdfParams(os.urandom(16), memory, iterations, lanes).validate()


def test_derive_is_deterministic_per_salt() -> None:
    p = kdf.KdfParams.insecure_for_tests()
    assert kdf.derive_key("pass phrase", p) == kdf.derive_key("pass phrase", p)
    assert kdf.derive_key("pass phrase", p) != kdf.derive_key("pass phrasf", p)
