"""Terms of office: which post an official held at a date, and who held a post then (officials.tsv posts).

Unknown dates (`?`) never exclude; when no date is given, the latest term wins (the newest start).
"""

from __future__ import annotations

from .people import Official, Post, load_officials

_EARLIEST = "0000-00-00"


def _held(post: Post, when: str) -> bool:
    return (post.start is None or post.start <= when) and (post.end is None or post.end == "" or when <= post.end)


def _recency(post: Post) -> tuple[int, str]:
    """Sort key: a current post first, then by start date (unknown starts last)."""
    return (1 if post.end == "" else 0, post.start or _EARLIEST)


def post_at(official: Official, when: str | None = None) -> Post | None:
    """The post `official` held on `when` (YYYY-MM-DD), else their latest; a dated term beats an undated one."""
    posts = [p for p in official.posts if when is None or _held(p, when)]
    if when is not None:
        dated = [p for p in posts if p.start is not None or p.end]
        posts = dated or posts
    return max(posts, key=_recency) if posts else None


def holders(post_id: str, when: str | None = None) -> list[Official]:
    """The officials holding `post_id` on `when` (all when undated), the latest term first."""
    found = [(p, o) for o in load_officials().values() for p in o.posts
             if p.post_id == post_id and (when is None or _held(p, when))]
    found.sort(key=lambda po: _recency(po[0]), reverse=True)
    return list(dict.fromkeys(o for _, o in found))


def term_rank(official: Official, when: str | None = None) -> tuple[int, tuple[int, str]]:
    """How well `official` fits a document of date `when`: in office that day first, then the latest term."""
    post = post_at(official, when)
    return (1 if post is not None else 0, _recency(post) if post else (0, _EARLIEST))
