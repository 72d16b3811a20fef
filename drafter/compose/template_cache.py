"""Compiled speech templates kept between runs, so that a draft skips Jinja's parser and compiler.

Kept beside the bank cache (`drafter.bank.cache`: same folder, same rules), one file per template,
keyed by its name, file and source, and by what else shapes the compiled code: the Jinja version,
the Python bytecode format and the environment's class, options and filters.

Compiled templates are code, so a cache file is run only when it is signed: each file holds an
HMAC-SHA256, under a secret key of this user's (`cache_key`), of its cache key and its marshalled
code. A file written by anyone without the key (a tampered, replaced or copied cache, another user
sharing the cache folder) fails the check and is ignored, as is a missing, broken or unwritable
cache: the template is compiled again.
"""

from __future__ import annotations

import contextlib
import hmac
import marshal
import os
import secrets
import stat
from importlib.util import MAGIC_NUMBER
from types import CodeType

import jinja2
from jinja2.bccache import Bucket

from drafter.bank import cache

FOLDER = "templates"
KEY_FILE = "template-signing.key"
_MAC_SIZE = 32


def cache_key() -> bytes | None:
    """This user's secret signing key (created on first use, readable by its owner only), or None.

    None when the key cannot be made or is not private (another owner, readable by others):
    then nothing is cached, and nothing is read from the cache.
    """
    path = cache.cache_dir() / KEY_FILE
    with contextlib.suppress(FileExistsError, OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        key = handle.read(64)
    private = stat.S_ISREG(info.st_mode) and not info.st_mode & 0o077
    if os.name == "posix" and (info.st_uid != os.getuid() or not private):
        return None
    return key if len(key) == 32 else None


class CompiledTemplates(jinja2.BytecodeCache):
    """A Jinja bytecode cache in drafter's cache folder, for templates compiled by `env`, signed."""

    def __init__(self, env: jinja2.Environment) -> None:
        # the options drafter sets on its environment, and the names compiled code refers to
        shaping = (
            type(env).__qualname__,
            env.autoescape,
            env.trim_blocks,
            env.lstrip_blocks,
            env.keep_trailing_newline,
            sorted(env.filters),
            sorted(env.tests),
        )
        self.salt = f"jinja2 {jinja2.__version__} {MAGIC_NUMBER.hex()} {shaping}"
        self.secret = cache_key()

    def _key(self, bucket: Bucket) -> str:
        # bucket.key names the template and its file, bucket.checksum is its source's
        return cache.content_key(f"{bucket.key}\0{bucket.checksum}".encode(), self.salt)

    def _mac(self, key: str, blob: bytes) -> bytes:
        assert self.secret is not None
        return hmac.digest(self.secret, key.encode() + b"\0" + blob, "sha256")

    def load_bytecode(self, bucket: Bucket) -> None:
        if self.secret is None:
            return
        key = self._key(bucket)
        signed = cache.read(key, FOLDER)
        if not isinstance(signed, bytes) or len(signed) <= _MAC_SIZE:
            return
        mac, blob = signed[:_MAC_SIZE], signed[_MAC_SIZE:]
        if not hmac.compare_digest(mac, self._mac(key, blob)):
            return  # not written by us: never run it
        try:
            code = marshal.loads(blob)
        except (EOFError, ValueError, TypeError):
            return
        if isinstance(code, CodeType):
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is None or self.secret is None:
            return
        key = self._key(bucket)
        blob = marshal.dumps(bucket.code)
        cache.write(key, self._mac(key, blob) + blob, FOLDER)
