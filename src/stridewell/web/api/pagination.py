"""Pagination of list endpoints: `limit` and `offset` in, the page and `total` out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
# Far beyond any list here (an athlete's activities number thousands), and within the integer
# every database takes for OFFSET: a larger one is refused, not passed on to overflow there.
MAX_OFFSET = 1_000_000_000

T = TypeVar("T")


@dataclass(frozen=True)
class PageRequest:
    limit: int
    offset: int

    def slice(self, items: Sequence[T]) -> Sequence[T]:
        return items[self.offset : self.offset + self.limit]

    def envelope(self, key: str, items: list[Any], total: int) -> dict[str, Any]:
        """`{key: [...], "total", "limit", "offset"}`: the shape of every list answer."""
        return {key: items, "total": total, "limit": self.limit, "offset": self.offset}


def page_request(
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT}).")
    ] = DEFAULT_LIMIT,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description=f"Items to skip (at most {MAX_OFFSET:,}).")
    ] = 0,
) -> PageRequest:
    return PageRequest(limit=limit, offset=offset)


Page = Annotated[PageRequest, Depends(page_request)]
