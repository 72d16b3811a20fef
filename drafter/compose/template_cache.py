"""Compiled speech templates kept between runs, so that a draft skips Jinja's parser and compiler.

Kept beside the bank cache (`drafter.bank.cache`: same folder, same rules), one file per template,
keyed by its name, file and source, and by what else shapes the compiled code: the Jinja version,
the Python bytecode format and the environment's options and filters. A missing, broken or
unwritable cache is ignored: the template is compiled again.
"""

from __future__ import annotations

from importlib.util import MAGIC_NUMBER
from types import CodeType

import jinja2
from jinja2.bccache import Bucket

from drafter.bank import cache

FOLDER = "templates"


class CompiledTemplates(jinja2.BytecodeCache):
    """A Jinja bytecode cache in drafter's cache folder, for templates compiled by `env`."""

    def __init__(self, env: jinja2.Environment) -> None:
        # the options drafter sets on its environment, and the names compiled code refers to
        shaping = (
            env.autoescape,
            env.trim_blocks,
            env.lstrip_blocks,
            env.keep_trailing_newline,
            sorted(env.filters),
            sorted(env.tests),
        )
        self.salt = f"jinja2 {jinja2.__version__} {MAGIC_NUMBER.hex()} {shaping}"

    def _key(self, bucket: Bucket) -> str:
        # bucket.key names the template and its file, bucket.checksum is its source's
        return cache.content_key(f"{bucket.key}\0{bucket.checksum}".encode(), self.salt)

    def load_bytecode(self, bucket: Bucket) -> None:
        code = cache.read(self._key(bucket), FOLDER)
        if isinstance(code, CodeType):
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            cache.write(self._key(bucket), bucket.code, FOLDER)
