"""One person, one entity: person mentions clustered across documents into one key each.

Mentions linked to the gazetteer keep its id. The others join a cluster when they may be the same
person (nlp.entities.names: folded kk/ru surname base, case and gender forms, compatible initials):
a gazetteer person first, else a cluster of stored names. A name fits a cluster only when exactly
one cluster of its surname fits (a surname alone or `Е.` between `Е.Т.` and `Е.С.` stays apart).
The key is the gazetteer id, else `PER:` + the cluster's fullest form (full name > initials > surname).
Stored in mentions.person_key and recomputed over all person mentions after each ingest.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Engine, bindparam, func, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from nlp.entities.names import PersonName, fold_name, person_name, same_person
from nlp.gazetteer import load_officials

from .entities import key_condition
from .errors import CorpusError, db_reason
from .models import AddresseeRow, DocumentRow, MentionRow, SignatoryRow


@dataclass
class Cluster:
    """Names of one person so far: the gazetteer id when known, the fullest name and its canonical form."""

    id: str | None
    names: list[PersonName] = field(default_factory=list)
    forms: list[tuple[int, int, str]] = field(default_factory=list)  # (richness, mentions, canonical)

    def fits(self, name: PersonName) -> bool:
        """The name may be this person: it agrees with every name of the cluster."""
        return all(same_person(name, n) for n in self.names)

    @property
    def key(self) -> str:
        """The gazetteer id, else `PER:` + the fullest (then most frequent) canonical form."""
        if self.id:
            return self.id
        return "PER:" + max(self.forms, key=lambda f: (f[0], f[1], f[2]))[2]


def _official_names() -> dict[str, list[tuple[str, PersonName]]]:
    """Folded surname base → (official id, name) for every gazetteer person."""
    out: dict[str, list[tuple[str, PersonName]]] = defaultdict(list)
    for o in load_officials().values():
        given, patronymic = ({fold_name(x) for x in letters} for letters in o.initials())
        initials = (sorted(given)[:1] or [""])[0] + (sorted(patronymic)[:1] or [""])[0] if len(patronymic) <= 1 else ""
        for surname in {*o.surname_kk, *o.surname_ru}:
            name = person_name(surname)
            if name and len(given) <= 1:
                gender = {"m": "m", "f": "f"}.get(o.gender, "?")
                out[name.surname].append((o.id, PersonName(name.surname, gender, initials)))
    return out


def cluster_names(variants: dict[tuple[str, str | None], int],
                  officials: dict[str, list[tuple[str, PersonName]]] | None = None) -> dict[tuple[str, str | None], str]:
    """(canonical, entity id) → cluster key for the given person name variants with their mention counts."""
    officials = _official_names() if officials is None else officials
    by_surname: dict[str, list[tuple[tuple[str, str | None], PersonName]]] = defaultdict(list)
    out: dict[tuple[str, str | None], str] = {}
    for variant in variants:
        canonical, entity_id = variant
        name = person_name(canonical)
        if name is None:
            out[variant] = entity_id or f"PER:{canonical}"
        else:
            by_surname[name.surname].append((variant, name))
    for surname, names in by_surname.items():
        out.update(_cluster_surname(names, variants, officials.get(surname, [])))
    return out


def _cluster_surname(names, counts, officials) -> dict[tuple[str, str | None], str]:
    """Clusters of the names of one surname, gazetteer persons and linked names first, fullest names next."""
    clusters: dict[str, Cluster] = {oid: Cluster(oid, [n]) for oid, n in officials}
    for (canonical, entity_id), name in names:
        if entity_id:
            clusters.setdefault(entity_id, Cluster(entity_id)).forms.append((name.richness, counts[(canonical, entity_id)], canonical))
    free = [c for c in clusters.values()]
    assigned: dict[tuple[str, str | None], Cluster] = {}
    for variant, name in sorted(names, key=lambda v: (-v[1].richness, -len(v[1].initials), v[0][0])):
        if variant[1]:
            assigned[variant] = clusters[variant[1]]
            continue
        fitting = [c for c in free if c.fits(name)]
        if len(fitting) == 1:
            cluster = fitting[0]
        else:
            cluster = Cluster(None)
            if not fitting:  # an ambiguous name stays apart, and nothing joins it
                free.append(cluster)
        cluster.names.append(name)
        cluster.forms.append((name.richness, counts[variant], variant[0]))
        assigned[variant] = cluster
    return {variant: cluster.key for variant, cluster in assigned.items()}


def recompute_person_keys(engine: Engine) -> int:
    """Cluster every stored person mention and store its key (mentions.person_key); the rows changed."""
    stmt = (select(MentionRow.canonical, MentionRow.entity_id, MentionRow.person_key, func.count())
            .where(MentionRow.label == "PER")
            .group_by(MentionRow.canonical, MentionRow.entity_id, MentionRow.person_key))
    try:
        with engine.begin() as conn:
            rows = conn.execute(stmt).all()
            counts: dict[tuple[str, str | None], int] = defaultdict(int)
            stored: dict[tuple[str, str | None], set] = defaultdict(set)
            for canonical, entity_id, key, n in rows:
                variant = (canonical, entity_id or None)
                counts[variant] += n
                stored[variant].add(key)
            keys = cluster_names(dict(counts))
            changes = [{"c": c, "e": e or "", "k": k} for (c, e), k in keys.items() if stored[(c, e)] != {k}]
            if changes:
                conn.execute(update(MentionRow).where(
                    MentionRow.label == "PER", MentionRow.canonical == bindparam("c"),
                    func.coalesce(MentionRow.entity_id, "") == bindparam("e"))
                    .values(person_key=bindparam("k")).execution_options(synchronize_session=False), changes)
    except SQLAlchemyError as exc:
        raise CorpusError(f"clustering persons failed: {db_reason(exc)}") from exc
    return len(changes)


@dataclass
class SignedInquiry:
    """An inquiry a person signed: the document, its date and addressees, the signature and faction."""

    document_id: int
    title: str | None
    date: dt.date | None
    addressees: list[str]
    signature: str
    faction: str | None


def signed_inquiries(engine: Engine, key: str) -> list[SignedInquiry]:
    """The inquiries signed by the person `key` (signatories resolved to it, or lying on one of its
    mentions), newest first."""
    mentions = select(MentionRow.document_id, MentionRow.start, MentionRow.end).where(key_condition(key))
    sig = SignatoryRow
    stmt = (select(sig.document_id, sig.start, sig.end, sig.name, sig.faction, sig.entity_id, DocumentRow.title,
                   DocumentRow.date)
            .join(DocumentRow, DocumentRow.id == SignatoryRow.document_id)
            .order_by(DocumentRow.date.desc(), DocumentRow.id.desc(), SignatoryRow.start))
    try:
        with engine.connect() as conn:
            spans = defaultdict(list)
            for document_id, start, end in conn.execute(mentions):
                spans[document_id].append((start, end))
            rows = conn.execute(stmt.where(or_(sig.entity_id == key, sig.document_id.in_(sorted(spans))))).all()
            signed = [s for s in rows if s.entity_id == key or any(
                a < s.end and s.start < b for a, b in spans.get(s.document_id, []))]
            ids = sorted({s.document_id for s in signed})
            names = defaultdict(list)
            for document_id, name, name_en in conn.execute(
                    select(AddresseeRow.document_id, AddresseeRow.name, AddresseeRow.name_en)
                    .where(AddresseeRow.document_id.in_(ids)).order_by(AddresseeRow.start)):
                if (name_en or name) not in names[document_id]:
                    names[document_id].append(name_en or name)
    except SQLAlchemyError as exc:
        raise CorpusError(f"reading inquiries signed by {key!r} failed: {db_reason(exc)}") from exc
    out: dict[int, SignedInquiry] = {}
    for s in signed:
        out.setdefault(s.document_id, SignedInquiry(s.document_id, s.title, s.date, names[s.document_id], s.name,
                                                    s.faction))
    return list(out.values())
