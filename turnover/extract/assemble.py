"""An article read sentence by sentence: each amount takes its period, region and flow from its own clause first (a
period written right after an amount belongs to it: "$1.0 billion in 2022 to $1.2 billion in 2023"), then from its
sentence, then from the article so far (the previous figure's period and flow, the last region named), which its
flags then say. Rank statements are read in the same pass (``turnover.extract.ranks``), with the same context, and
their numbers never become figures. Nothing is invented: what the text does not give stays blank and flagged."""

import datetime as dt
from dataclasses import dataclass, field

from turnover.extract.amounts import Amount, find_amounts
from turnover.extract.candidates import Candidate, RankCandidate
from turnover.extract.flags import Flag, Flagged, about
from turnover.extract.flows import FlowMention, find_flows
from turnover.extract.language import detect_language
from turnover.extract.periods import Period, find_periods
from turnover.extract.ranks import RankStatement, comparator_start, find_group_share, find_rank_statements
from turnover.extract.regions import RegionMatcher, RegionMention, find_regions, region_matcher
from turnover.extract.resolve import Context, join, set_flow, set_period, set_region
from turnover.extract.sentences import split_sentences
from turnover.extract.signals import CLAUSE_BREAK, coverage_of, find_qualifier, is_change, is_forecast, is_not_trade, whose_statistics
from turnover.regions import Registry


@dataclass
class Reading:
    figures: list[Candidate] = field(default_factory=list)
    ranks: list[RankCandidate] = field(default_factory=list)


def read_article(text: str, registry: Registry, published: dt.date | str | None = None) -> Reading:
    """Candidate figures and ranks in a news text, in the order they appear. Pure: reads nothing but its arguments."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published) if published.strip() else None
    lang = detect_language(text)
    matcher = region_matcher(registry)
    context = Context()
    reading = Reading()
    for sentence in split_sentences(text):
        _read_sentence(sentence.text, lang, matcher, published, context, reading)
    reading.figures = _flag_repeats(reading.figures)
    reading.ranks = _drop_repeated_ranks(reading.ranks)
    return reading


def extract_figures(text: str, registry: Registry, published: dt.date | str | None = None) -> list[Candidate]:
    """Candidate figures in a news text, in the order they appear."""
    return read_article(text, registry, published).figures


def extract_ranks(text: str, registry: Registry, published: dt.date | str | None = None) -> list[RankCandidate]:
    """Candidate ranks ("third among Russian regions", "входит в десятку") in a news text, in the order they appear."""
    return read_article(text, registry, published).ranks


def _read_sentence(sentence: str, lang: str, matcher: RegionMatcher, published, context: Context, reading: Reading) -> None:
    statements = find_rank_statements(sentence, lang)
    amounts = [a for a in find_amounts(sentence, lang) if not any(s.start < a.end and a.start < s.end for s in statements)]
    periods, ignored = find_periods(sentence, lang, published)
    periods = [p for p in periods if not any(a.start < p.end and p.start < a.end for a in amounts)]
    regions = [r for r in find_regions(sentence, matcher) if r.country != "BY"]
    flows = find_flows(sentence, lang)
    owners, trailing = _period_owners(sentence, amounts, periods)
    leading = [p for p in periods if id(p) not in trailing]  # periods that open a clause may serve the whole sentence
    stats = whose_statistics(sentence, lang)
    masked_sentence = _mask_periods(sentence, periods)
    previous_end = 0
    last_currency = ""
    for index, amount in enumerate(amounts):
        clause = sentence[previous_end: amount.start]
        clause_start = previous_end
        previous_end = amount.end
        next_start = amounts[index + 1].start if index + 1 < len(amounts) else len(sentence)
        tail = CLAUSE_BREAK.search(sentence, amount.end, next_start)
        scope = sentence[clause_start: tail.start() if tail else next_start]  # the amount's clause, both sides
        before = sentence[max(0, amount.start - 80): amount.start]
        qualifier, qualifier_start = find_qualifier(masked_sentence[max(0, amount.start - 80): amount.start], lang)
        if is_change(before[:qualifier_start], lang):
            continue  # a change on the year before, not a level
        flow_mention = _flow_for(amount, flows, clause_start, sentence)
        clause_flows = [f for f in flows if clause_start <= f.start < amount.start]
        if is_not_trade(clause, lang) and not clause_flows:
            continue
        if flow_mention is None and not context.flow:
            continue  # no trade word in the sentence nor before it: not a trade figure
        candidate = Candidate(value=amount.value, scale=amount.scale, qualifier=qualifier, stats=stats, sentence=sentence)
        _set_currency(candidate, amount, last_currency)
        last_currency = amount.currency or last_currency
        set_flow(candidate, flow_mention, flows, context)
        set_period(candidate, owners.get(index, []), leading, amount.start, context, published)
        set_region(candidate, amount.start, regions, context)
        _set_coverage(candidate, coverage_of(sentence, clause, lang))
        candidate.flags.extend(ignored)
        if is_forecast(scope, lang):
            candidate.flags.append(Flagged(Flag.FORECAST))
        if amount.upper:
            candidate.note = join(candidate.note, f"range {amount.value}–{amount.upper} published; lower bound kept")
            if candidate.qualifier == "exact":
                candidate.qualifier = "at_least"
        reading.figures.append(candidate)
        context.period = (candidate.year, candidate.months)
        context.period_note = candidate.note
        if candidate.flow:
            context.flow = candidate.flow
    for statement in statements:
        ranked = _rank_candidate(statement, sentence, lang, periods, regions, flows, context, published)
        if not ranked.region:
            continue  # no Russian region in the sentence nor before it: a rank of products or countries
        ranked.flags.extend(ignored)
        reading.ranks.append(ranked)
        if not amounts and not about(ranked.flags, "period", "year", "months"):  # "за этот период" after it means its period
            context.period = (ranked.year, ranked.months)
    if not statements:
        _share_of_earlier_group(find_group_share(sentence, lang), reading.ranks)
    for mention in regions:  # the article's region for the sentences that follow
        if mention.kind == "country":
            context.country = mention.region
        elif not mention.weak:
            context.region = mention.region
    for mention in flows:  # whose 'exports' the article talks about, from its last phrase with a direction
        if mention.perspective:
            context.perspective = mention.perspective


def _rank_candidate(statement: RankStatement, sentence: str, lang: str, periods: list[Period], regions: list[RegionMention],
                    flows: list[FlowMention], context: Context, published) -> RankCandidate:
    """A rank with its region (never a country: "among the regions of Russia", nor one it is compared with: "after
    Moscow"), period and flow, read like a figure's."""
    candidate = RankCandidate(rank=statement.rank, top=statement.top, out_of=statement.out_of, group_share_pct=statement.share_pct,
                              group_share_qualifier=statement.share_qualifier, sentence=sentence)
    if statement.flow:
        candidate.flow = statement.flow
    else:
        nearest = min(flows, key=lambda f: abs(f.start - statement.start), default=None)
        set_flow(candidate, nearest, flows, context)
    set_period(candidate, [], periods, statement.start, context, published)
    compared_from = comparator_start(sentence, statement, lang)
    set_region(candidate, statement.start, [r for r in regions if r.start < compared_from], context, countries=False)
    return candidate


def _share_of_earlier_group(share: tuple[int, str, str] | None, ranks: list[RankCandidate]) -> None:
    """A group's share stated in a later sentence goes to the article's last rank in a group of that size."""
    if share is None:
        return
    size, pct, qualifier = share
    earlier = [r for r in ranks if r.top == size and not r.group_share_pct]
    if earlier:
        earlier[-1].group_share_pct, earlier[-1].group_share_qualifier = pct, qualifier


def _drop_repeated_ranks(ranks: list[RankCandidate]) -> list[RankCandidate]:
    """A rank the article states twice (a title, then the body with its year) once: a candidate is dropped when
    another for the same region and place or group says everything it says and more."""
    said = ("year", "months", "flow", "out_of", "group_share_pct")

    def covers(other: RankCandidate, candidate: RankCandidate) -> bool:
        same = (other.region, other.rank, other.top) == (candidate.region, candidate.rank, candidate.top)
        return same and all(getattr(candidate, name) in ("", None, getattr(other, name)) for name in said)

    def outdone(index: int, candidate: RankCandidate) -> bool:  # by one that says more, or the same earlier
        return any(number != index and covers(other, candidate) and (number < index or not covers(candidate, other))
                   for number, other in enumerate(ranks))

    kept = [candidate for index, candidate in enumerate(ranks) if not outdone(index, candidate)]
    return kept


def _mask_periods(sentence: str, periods: list[Period]) -> str:
    """Periods replaced by a placeholder word of the same length, so "überstieg im Jahr 2022 eine Milliarde" keeps its verb."""
    chars = list(sentence)
    for period in periods:
        chars[period.start: period.end] = list("P" * (period.end - period.start))
    return "".join(chars)


def _period_owners(sentence: str, amounts: list[Amount], periods: list[Period]) -> tuple[dict[int, list[Period]], set[int]]:
    """Which amount each period belongs to: the amount right before it in the same clause ("$400m in Q1": a
    trailing period, that amount's alone), else the next amount. Returns the owners and the trailing periods' ids."""
    owners: dict[int, list[Period]] = {}
    trailing: set[int] = set()
    for period in periods:
        previous = max((i for i, a in enumerate(amounts) if a.end <= period.start), default=None)
        following = min((i for i, a in enumerate(amounts) if a.start >= period.end), default=None)
        owner = None
        if previous is not None:
            gap = sentence[amounts[previous].end: period.start]
            if len(gap) <= 30 and not CLAUSE_BREAK.search(gap):
                owner = previous
                trailing.add(id(period))
        if owner is None and following is not None:
            owner = following
        if owner is not None:
            owners.setdefault(owner, []).append(period)
    return owners, trailing


def _flow_for(amount: Amount, flows: list[FlowMention], clause_start: int, sentence: str) -> FlowMention | None:
    """The flow word nearest before the amount in its clause; else just after it in the same clause ("davon
    entfielen 300 Millionen Dollar auf belarussische Exporte"); else the nearest before it in the sentence."""
    before = [f for f in flows if f.end <= amount.start]
    in_clause = [f for f in before if f.start >= clause_start]
    if in_clause:
        return in_clause[-1]
    after = [f for f in flows if f.start >= amount.end and not CLAUSE_BREAK.search(sentence[amount.end: f.start])]
    if after:
        return after[0]
    return before[-1] if before else None


def _set_currency(candidate: Candidate, amount: Amount, previous: str = "") -> None:
    """The amount's currency; "120,3 млн долларов, в том числе экспорт – 90,1 млн" takes the one before it."""
    if amount.currency in ("USD", "RUB", "BYN"):
        candidate.currency = amount.currency
    elif not amount.currency and previous in ("USD", "RUB", "BYN"):
        candidate.currency = previous
        candidate.flags.append(Flagged(Flag.CURRENCY_INHERITED))
    elif amount.currency:
        candidate.flags.append(Flagged(Flag.CURRENCY_OUTSIDE_MODEL, amount.currency))
    else:
        candidate.flags.append(Flagged(Flag.CURRENCY_NOT_STATED))


def _set_coverage(candidate: Candidate, coverage: str) -> None:
    if coverage == "goods_services":
        candidate.coverage = coverage
    elif coverage == "services":
        candidate.coverage = ""
        candidate.flags.append(Flagged(Flag.SERVICES_ONLY))
    elif coverage == "agri_food":
        candidate.coverage = coverage
        candidate.flags.append(Flagged(Flag.AGRI_FOOD_ONLY))


def _flag_repeats(candidates: list[Candidate]) -> list[Candidate]:
    """Drop a figure the article repeats word for word; flag two values for one key (one source, one figure)."""
    kept: list[Candidate] = []
    for candidate in candidates:
        key = (candidate.region, candidate.year, candidate.months, candidate.flow, candidate.coverage)
        same = [k for k in kept if (k.region, k.year, k.months, k.flow, k.coverage) == key and all(key[:4])]
        if any((k.value, k.currency, k.scale) == (candidate.value, candidate.currency, candidate.scale) for k in same):
            continue
        if same:
            several = Flagged(Flag.SEVERAL_VALUES)
            candidate.flags.append(several)
            for other in same:
                if several not in other.flags:
                    other.flags.append(several)
        kept.append(candidate)
    return kept
