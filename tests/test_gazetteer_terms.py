"""Terms of office (officials.tsv posts): the post held at a date, the holder of a post at a date."""

from __future__ import annotations

import pytest

from nlp.gazetteer import find_officials, holders, official_by_id, post_at


@pytest.mark.parametrize(("post_id", "when", "expected"), [
    ("post.prime_minister", "2020-06-01", "kz.person.mamin"),
    ("post.prime_minister", "2023-06-01", "kz.person.smailov"),
    ("post.prime_minister", "2025-05-21", "kz.person.bektenov"),
    ("post.prime_minister", None, "kz.person.bektenov"),  # undated: the latest term first
    ("post.president", "2018-01-01", "kz.person.nazarbayev"),
    ("post.president", "2025-05-21", "kz.person.tokayev"),
])
def test_holder_at_date(post_id: str, when: str | None, expected: str) -> None:
    assert holders(post_id, when)[0].id == expected


@pytest.mark.parametrize(("official_id", "when", "expected"), [
    ("kz.person.smailov", "2023-06-01", "post.prime_minister"),
    ("kz.person.smailov", None, "post.prime_minister"),
    ("kz.person.bektenov", "2025-05-21", "post.prime_minister"),
    ("kz.person.tokayev", "2025-05-21", "post.president"),
    ("kz.person.mamin", "2030-01-01", None),
])
def test_post_at_date(official_id: str, when: str | None, expected: str | None) -> None:
    post = post_at(official_by_id(official_id), when)
    assert (post.post_id if post else None) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Құрметті Әлихан Асханұлы!", "kk", "Alikhan Smailov"),
    ("Уважаемый Алихан Асханович!", "ru", "Alikhan Smailov"),
    ("Құрметті Олжас Абайұлы!", "kk", "Olzhas Bektenov"),
])
def test_salutation_names_an_official(text: str, lang: str, expected: str) -> None:
    assert [m.name_en for m in find_officials(text, lang)] == [expected]
