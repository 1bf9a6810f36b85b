"""The words the command line prints around its results, in English or Vietnamese
(patterns/vi/messages.yaml): one place, so that `--vi` translates everything."""
from __future__ import annotations

from ..patterns import load_patterns


def messages(vi: bool = False) -> dict:
    return load_patterns().table("messages")["vi" if vi else "en"]


def messages_table() -> dict:
    """Both languages, for the web page (its language switch needs both)."""
    return load_patterns().table("messages")


def counted(words: dict, key: str, n: int) -> str:
    """The message KEY for a count N: KEY_one when N is 1 and the language has one
    ("1 article", "1 claim"), else KEY."""
    return words.get(f"{key}_one", words[key]) if n == 1 else words[key]
