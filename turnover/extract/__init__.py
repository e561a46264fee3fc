"""Candidate figures and ranks from a news text in English, German or Russian: rule-based, one lexicon per language.

How a text is read (``read_article``; ``extract_figures`` and ``extract_ranks`` return its two halves):

1. ``sentences``: the text is cut into sentences.
2. In each sentence the mentions are found, each with its position: ``amounts`` (money: percentages, units and
   changes never are), ``periods`` (years, relative years, months from January, references back), ``regions``
   (every registry name in any case form), ``flows`` (trade words; export and import words with their direction),
   ``signals`` (qualifiers, whose statistics, coverage, forecast wording, money that is not trade) and ``ranks``
   (places and top groups among regions).
3. ``assemble``: each amount and rank takes its period, region and flow (``resolve``) from its clause, its sentence,
   then the article so far; what it could not decide is blank and named in its ``flags`` (``flags.Flag``).

Word tables live in ``lexicon/`` (``en``, ``de``, ``ru``); the review table's policy (what /curate pre-ticks) in
``review``. Everything here is pure: it reads nothing but its arguments.
"""

from turnover.extract.amounts import find_amounts, parse_number
from turnover.extract.assemble import extract_figures, extract_ranks, read_article
from turnover.extract.candidates import (COLUMNS, FIGURE_COLUMNS, RANK_COLUMNS, RANK_OUTPUT_COLUMNS, Candidate, RankCandidate,
                                         candidates_to_rows)
from turnover.extract.flags import Flag
from turnover.extract.language import detect_language
from turnover.extract.review import candidates_frame, ranks_frame
from turnover.extract.sentences import split_sentences

__all__ = ["COLUMNS", "FIGURE_COLUMNS", "RANK_COLUMNS", "RANK_OUTPUT_COLUMNS", "Candidate", "Flag", "RankCandidate", "candidates_frame",
           "candidates_to_rows", "detect_language", "extract_figures", "extract_ranks", "find_amounts", "parse_number", "ranks_frame", "read_article",
           "split_sentences"]
