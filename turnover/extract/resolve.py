"""A candidate's period, region and flow, decided from what its sentence names and, failing that, from what the
article said before (``Context``); whatever is taken from elsewhere or left blank is flagged."""

import datetime as dt
from dataclasses import dataclass

from turnover.extract.candidates import Candidate, RankCandidate
from turnover.extract.flags import Flag, Flagged, about
from turnover.extract.flows import FlowMention
from turnover.extract.periods import Period, publication_flags
from turnover.extract.regions import RegionMention


@dataclass
class Context:
    """What the article has said so far: the last figure's period and flow, the regions named, whose export is 'export'."""

    period: tuple[int | None, int | None] | None = None
    period_note: str = ""
    flow: str = ""
    region: str = ""  # the last region named that is not a country
    country: str = ""  # the last country named (RU), used when no region was
    perspective: str = ""  # "BY" when a bare "exports" means Belarus' exports, "region" when the region's


def set_period(candidate: Candidate | RankCandidate, own: list[Period], periods: list[Period], position: int, context: Context,
               published: dt.date | None) -> None:
    """The period of a figure (or rank) at ``position``: its own, else the sentence's one period, else the article's."""
    flags = candidate.flags
    chosen = None
    if own:
        chosen = min(own, key=lambda p: abs(p.start - position))
    else:
        sentence_level = [p for p in periods if p.kind == "absolute"]
        distinct = {(p.year, p.months) for p in sentence_level}
        if len(distinct) == 1:
            chosen = sentence_level[0]
        elif len(distinct) > 1:
            flags.append(Flagged(Flag.PERIOD_AMBIGUOUS))
            return
    if chosen is None or chosen.kind in ("same", "year_before"):
        if context.period is None:
            flags.append(Flagged(Flag.PERIOD_NOT_STATED))
            return
        year, months = context.period
        if chosen is not None and chosen.kind == "year_before":
            year = year - 1 if year else None
            candidate.note = join(candidate.note, f"period from '{chosen.note}'")
        elif chosen is None:
            flags.append(Flagged(Flag.PERIOD_INHERITED))
        candidate.year, candidate.months = year, months
        if context.period_note.startswith(("year inferred", "year from")):
            candidate.note = join(candidate.note, context.period_note)
    else:
        candidate.year, candidate.months = chosen.year, chosen.months
        candidate.note = join(candidate.note, chosen.note)
        flags.extend(chosen.flags)
    if candidate.year is None and not about(flags, "year"):
        flags.append(Flagged(Flag.YEAR_NOT_STATED))
    if candidate.months is None and not about(flags, "months"):
        flags.append(Flagged(Flag.MONTHS_NOT_STATED))
    candidate.months, late = publication_flags(candidate.year, candidate.months, published)
    flags.extend(late)


def set_flow(candidate: Candidate | RankCandidate, mention: FlowMention | None, flows: list[FlowMention], context: Context) -> None:
    if mention is None:
        candidate.flow = context.flow
        candidate.flags.append(Flagged(Flag.FLOW_INHERITED) if context.flow else Flagged(Flag.FLOW_NOT_STATED))
        return
    if mention.flow in ("turnover", "export", "import"):
        candidate.flow = mention.flow
        return
    # A bare "imports" after "exports from Belarus" speaks from Belarus' side; after "Smolensk's exports to
    # Belarus", from the region's. With no such phrase before it in the article, it is left blank.
    word = "export" if mention.flow == "bare_export" else "import"
    earlier = [f.perspective for f in flows if f.perspective and f.end <= mention.start]
    perspective = earlier[-1] if earlier else context.perspective
    if perspective == "BY":
        candidate.flow = word
    elif perspective == "region":
        candidate.flow = "import" if word == "export" else "export"
    else:
        candidate.flags.append(Flagged(Flag.FLOW_SIDE_UNKNOWN, word))


def set_region(candidate: Candidate | RankCandidate, position: int, regions: list[RegionMention], context: Context, countries: bool = True) -> None:
    """The region named nearest before ``position`` (a subject over a country), else the nearest after it, else the
    article's. ``countries=False``: a country is never the answer ("among the regions of Russia")."""
    flags = candidate.flags
    strong = [r for r in regions if not r.weak and (countries or r.kind != "country")]
    subjects = [r for r in strong if r.kind != "country"]
    chosen = None
    before = [r for r in strong if r.end <= position]
    if before:
        chosen = before[-1]
        if chosen.kind == "country" and subjects:
            chosen = min(subjects, key=lambda r: abs(r.start - position))
    elif strong:
        chosen = min(strong, key=lambda r: abs(r.start - position))
    if chosen is not None:
        candidate.region = chosen.region
        others = sorted({r.region for r in strong} - {chosen.region})
        if others and any(r.kind != "country" for r in strong if r.region in others):
            flags.append(Flagged(Flag.REGION_OTHERS_NAMED, ", ".join(others)))
        return
    inherited = context.region or (context.country if countries else "")
    if not inherited:
        weak = [r for r in regions if r.weak]
        if weak:
            flags.append(Flagged(Flag.REGION_ONLY_AS_PLACE, ", ".join(sorted({r.region for r in weak}))))
        flags.append(Flagged(Flag.REGION_NOT_NAMED))
        return
    candidate.region = inherited
    flags.append(Flagged(Flag.REGION_INHERITED))


def join(first: str, second: str) -> str:
    return "; ".join(part for part in (first, second) if part)
