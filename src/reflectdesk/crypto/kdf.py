"""Passphrase → key-encryption key with Argon2id, calibrated at vault creation."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from reflectdesk.errors import InvalidValue

# OWASP's floor for Argon2id (m=19 MiB, t=2, p=1). Calibration never goes below it.
FLOOR_MEMORY_KIB = 19 * 1024
FLOOR_ITERATIONS = 2
DEFAULT_MEMORY_KIB = 64 * 1024
MAX_MEMORY_KIB = 1024 * 1024
MAX_ITERATIONS = 64
TARGET_SECONDS = 0.75  # inside the 0.5–1 s the design notes ask for
SALT_BYTES = 16
KEY_BYTES = 32


@dataclass(frozen=True, slots=True)
class KdfParams:
    salt: bytes
    memory_kib: int
    iterations: int
    lanes: int = 1
    light: bool = False  # only ever True when a test asks for it by name

    def validate(self) -> None:
        """Reject headers that ask for absurd work (a DoS) or too little (a downgrade)."""
        if len(self.salt) != SALT_BYTES:
            raise InvalidValue("kdf.salt")
        if not (1 <= self.lanes <= 16):
            raise InvalidValue("kdf.lanes")
        if not (8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB):
            raise InvalidValue("kdf.memory_kib")
        if not (1 <= self.iterations <= MAX_ITERATIONS):
            raise InvalidValue("kdf.iterations")
        if not self.light and (
            self.memory_kib < FLOOR_MEMORY_KIB or self.iterations < FLOOR_ITERATIONS
        ):
            raise InvalidValue("kdf.below_floor")

    @classmethod
    def insecure_for_tests(cls) -> KdfParams:
        """Fast parameters for test suites. Never used unless asked for explicitly."""
        return cls(os.urandom(SALT_BYTES), memory_kib=1024, iterations=1, lanes=1, light=True)


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    params.validate()
    kdf = Argon2id(
        salt=params.salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Pick Argon2id parameters that take about ``target_seconds`` on this machine.

    Memory is fixed at 64 MiB (lowered towards the floor only on a machine so slow
    that even two passes overshoot); the pass count is scaled from one timed pass.
    """
    salt = os.urandom(SALT_BYTES)
    memory = DEFAULT_MEMORY_KIB
    probe = KdfParams(salt, memory, 1, 1, light=True)
    start = time.perf_counter()
    derive_key("calibration", probe)
    one_pass = max(time.perf_counter() - start, 1e-4)
    iterations = int(target_seconds / one_pass)
    while iterations < FLOOR_ITERATIONS and memory > FLOOR_MEMORY_KIB:
        memory = max(FLOOR_MEMORY_KIB, memory // 2)
        one_pass /= 2
        iterations = int(target_seconds / one_pass)
    iterations = max(FLOOR_ITERATIONS, min(MAX_ITERATIONS, iterations))
    return KdfParams(salt, memory, iterations, 1)
