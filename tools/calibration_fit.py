"""Fit the answerability model and its two cuts on recorded validation questions.

For each retrieval weight the features are recomputed from the record (qa.answerability),
a logistic model is fitted on standardised features (its coefficients folded back, so
the runtime needs only the JSON), and the weight whose model gives the best mean SQuAD
2.0 F1 with abstention is kept; with the reader, so are the decisive margin and lead
that stop reading most often at nearly that F1 (choose_reading). Figures are in-sample,
and the AUC also by 5-fold cross-validation over whole articles (what a new article
would see).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from qa.answerability import features
from qa.calibration import Calibration
from qa.evaluation import RIGHT_F1, auc, reliability, reliability_table
from qa.reading import choose_span
from qa.scoring import contains_answer, token_f1
from tools.calibration_record import RETRIEVAL_WEIGHTS, Recorded
from tools.validation import ANSWERABLE, ValidationSet

# Answers at or above `confident_threshold` were right at least this often on the split.
CONFIDENT_PRECISION = 0.9
# ... counted over at least this many answers, so a handful at the top cannot set it.
MIN_CONFIDENT = 20
# Never a probability: the cut when nothing qualifies.
NEVER = 1.01
REGULARISATION = 1.0  # scikit-learn's C, on standardised features
FOLDS = 5
# Decisive margins tried (the reader's logits: span over "no answer"), beside never.
DECISIVE_MARGINS = tuple(float(m) for m in range(-4, 13))
# Retrieval leads of the first passage over the others tried beside none (qa.reading.decisive;
# retrieval scores are fused ranks and similarities, ~0-1: the split's median lead is ~0.2).
DECISIVE_LEADS = (None, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2)
# Stopping early may cost at most this much mean F1 on the split against reading on.
DECISIVE_TOLERANCE = 0.005
# The five retrieval features (and the reader's margin) of the model fitted before the
# answerability features: refitted on the same split for comparison.
BASELINE = ("top_score", "top_dense", "coverage", "margin", "unknown_date", "reader_margin")


@dataclass
class Table:
    """Features and worth of answering each recorded question, for one way of answering."""

    names: list[str]
    features: np.ndarray
    gain: np.ndarray  # F1 of the answer (1/0 for a sentence holding a gold answer)
    answerable: np.ndarray
    articles: list[str]
    stopped: np.ndarray  # whether reading stopped after the first passage

    @property
    def right(self) -> np.ndarray:
        return self.gain >= RIGHT_F1


@dataclass
class Fit:
    """One fitted model with what it scores on the split."""

    with_reader: bool
    calibration: Calibration
    table: Table
    probability: np.ndarray
    kinds: list[str]
    sources: list[str]
    weights_tried: dict[float, float] = field(default_factory=dict)
    cv_auc: float | None = None
    baseline_cv_auc: float | None = None
    # decisive margin -> (split F1, share of questions stopped early), at the chosen
    # weight and lead; leads_tried the same by lead, at the chosen weight and margin
    margins_tried: dict[float | None, tuple[float, float]] = field(default_factory=dict)
    leads_tried: dict[float | None, tuple[float, float]] = field(default_factory=dict)


def table(
    records: list[Recorded],
    with_reader: bool,
    weight: float,
    decisive_margin: float | None = None,
    decisive_lead: float | None = None,
) -> Table:
    """Every question's features and gain when spans are chosen with `weight`, reading
    stopping after the first passage when its answer leads by `decisive_margin` and its
    passage by `decisive_lead` (qa.reading.decisive)."""
    rows, gains, names, stopped = [], [], [], []
    for r in records:
        read, answers = r.read(decisive_margin, decisive_lead)
        spans = read if with_reader else None
        span = choose_span(read, r.ranking, weight) if with_reader else None
        found = features(r.reading.question, r.ranking, spans, span, r.lexicon, r.sentences)
        names = sorted(found)
        rows.append([found[n] for n in names])
        gains.append(gain(r, with_reader, answers[weight]))
        stopped.append(with_reader and r.stops(decisive_margin, decisive_lead))
    answerable = np.array([bool(r.golds) for r in records])
    articles = [r.article for r in records]
    return Table(names, np.array(rows), np.array(gains), answerable, articles, np.array(stopped))


class Readings:
    """One retrieval weight's tables for reading every passage and for stopping after
    the first, from which the table of any decisive margin and lead is put together
    (each question's row is one or the other) without recomputing features."""

    def __init__(self, records: list[Recorded], weight: float) -> None:
        self.whole = table(records, True, weight)
        self.first = table(records, True, weight, -math.inf)  # every question stopped
        self.records = records

    def at(self, margin: float | None, lead: float | None) -> Table:
        """The table of table(records, True, weight, margin, lead)."""
        stops = np.array([r.stops(margin, lead) for r in self.records], dtype=bool)
        whole, first = self.whole, self.first
        return Table(
            whole.names,
            np.where(stops[:, None], first.features, whole.features),
            np.where(stops, first.gain, whole.gain),
            whole.answerable,
            whole.articles,
            stops,
        )


def gain(record: Recorded, with_reader: bool, answer: str) -> float:
    """What answering would score: the reader's `answer`'s F1, or 1/0 for the sentence
    without the reader (does it hold a gold answer); 0 for an unanswerable question."""
    if not record.golds:
        return 0.0
    if with_reader:
        return token_f1(answer, record.golds)
    return float(contains_answer(record.sentence_answer, record.golds))


def logistic(x: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, float]:
    """Coefficients and intercept on the raw features of a model fitted on standardised
    ones (so the regularisation weighs every feature alike).

    A feature whose weight comes out against the direction it points in on its own (a
    higher margin, a lower chance of being right) is only cancelling a correlated
    feature, which does not carry to other articles: the worst such feature is left out
    (weight 0) and the model refitted, until every weight agrees with its feature.
    """
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    direction = np.array([np.sign((auc(z[:, i], right) or 0.5) - 0.5) for i in range(x.shape[1])])
    kept = [i for i in range(x.shape[1]) if direction[i] != 0]
    weights = np.zeros(x.shape[1])
    intercept = 0.0
    while kept:
        model = LogisticRegression(C=REGULARISATION, max_iter=5000)
        model.fit(z[:, kept], right)
        weights[:] = 0.0
        weights[kept] = model.coef_[0]
        intercept = float(model.intercept_[0])
        against = weights * direction < 0
        if not against.any():
            break
        kept.remove(int(np.argmax(np.where(against, np.abs(weights), -1.0))))
    coefficients = weights / scale
    return coefficients, intercept - float(np.sum(coefficients * mean))


def probabilities(x: np.ndarray, coefficients: np.ndarray, intercept: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ coefficients + intercept)))


def _ranked(probability: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Order by probability, best first; the sorted probabilities; which answered-counts
    k (the k best answered) a cut can make, ties never split."""
    order = np.argsort(-probability, kind="stable")
    ranked = probability[order]
    k = np.arange(len(ranked) + 1)
    cuttable = (k == 0) | (k == len(ranked))
    cuttable[1:-1] = ranked[:-1] > ranked[1:]
    return order, ranked, cuttable


def _cut(ranked: np.ndarray, k: int) -> float:
    """A cut answering exactly the k best: halfway to the next, rounded as shipped."""
    if k == 0:
        return NEVER
    below = ranked[k] if k < len(ranked) else 0.0
    return round(float((ranked[k - 1] + below) / 2), 4)


def best_threshold(
    probability: np.ndarray, gain: np.ndarray, answerable: np.ndarray
) -> tuple[float, float]:
    """(cut, mean SQuAD 2.0 F1) of the cut that maximises F1 with abstention: answering
    scores the gain, abstaining 1 on an unanswerable question and 0 otherwise."""
    order, ranked, cuttable = _ranked(probability)
    abstain = (~answerable[order]).astype(float)
    answered = np.concatenate([[0.0], np.cumsum(gain[order])])
    rest = abstain.sum() - np.concatenate([[0.0], np.cumsum(abstain)])
    score = np.where(cuttable, (answered + rest) / len(ranked), -1.0)
    k = int(np.argmax(score))
    return _cut(ranked, k), float(score[k])


def confident_threshold(probability: np.ndarray, right: np.ndarray, threshold: float) -> float:
    """The lowest cut at which the answers at or above it were right at least
    CONFIDENT_PRECISION of the time (over MIN_CONFIDENT answers or more), never below
    `threshold`; NEVER when no cut is."""
    order, ranked, cuttable = _ranked(probability)
    hits = np.concatenate([[0.0], np.cumsum(right[order])])
    k = np.arange(len(ranked) + 1)
    precise = cuttable & (k >= MIN_CONFIDENT) & (hits >= CONFIDENT_PRECISION * np.maximum(k, 1))
    if not precise.any():
        return NEVER
    return max(_cut(ranked, int(np.flatnonzero(precise)[-1])), threshold)


def cross_validated_auc(data: Table, columns: list[int]) -> float | None:
    """AUC of models fitted without the article they score (FOLDS folds by article)."""
    groups = np.array(data.articles)
    folds = min(FOLDS, len(set(data.articles)))
    if folds < 2:
        return None
    predicted = np.zeros(len(data.gain))
    x = data.features[:, columns]
    for train, test in GroupKFold(folds).split(x, data.right, groups):
        if len(set(data.right[train])) < 2:
            return None
        coefficients, intercept = logistic(x[train], data.right[train])
        predicted[test] = probabilities(x[test], coefficients, intercept)
    return auc(predicted, data.right)


# One way of reading, fitted: its table, model, probabilities and split F1.
Tried = tuple[Table, Calibration, np.ndarray, float]


def _fitted(data: Table) -> tuple[Calibration, np.ndarray, float]:
    coefficients, intercept = logistic(data.features, data.right)
    probability = probabilities(data.features, coefficients, intercept)
    threshold, f1 = best_threshold(probability, data.gain, data.answerable)
    calibration = Calibration(
        coefficients={n: round(float(c), 6) for n, c in zip(data.names, coefficients, strict=True)},
        intercept=round(intercept, 6),
        threshold=threshold,
        confident_threshold=confident_threshold(probability, data.right, threshold),
    )
    return calibration, probability, f1


def fit_mode(records: list[Recorded], with_reader: bool, validation: ValidationSet) -> Fit:
    """The model for answering with (or without) the reader: its retrieval weight and
    decisive margin chosen on the split (choose_reading)."""
    weights = RETRIEVAL_WEIGHTS if with_reader else (0.0,)
    stops: list[tuple[float | None, float | None]] = [(None, None)]
    if with_reader:
        stops += [(m, lead) for m in DECISIVE_MARGINS for lead in DECISIVE_LEADS]
    tried: dict[tuple[float | None, float | None, float], Tried] = {}
    for weight in weights:
        if not with_reader:
            data = table(records, with_reader, weight)
            tried[None, None, weight] = (data, *_fitted(data))
            continue
        readings = Readings(records, weight)
        for margin, lead in stops:
            data = readings.at(margin, lead)
            tried[margin, lead, weight] = (data, *_fitted(data))
    margin, lead, weight = choose_reading({key: (t[0], t[3]) for key, t in tried.items()})
    data, calibration, probability, _ = tried[margin, lead, weight]
    kinds = Counter(r.kind for r in records)
    fitted_on = (
        f"{validation.name}: {len(records):,} questions over "
        f"{len({r.article for r in records}):,} articles ("
        + ", ".join(f"{count:,} {kind}" for kind, count in sorted(kinds.items()))
        + ")"
    )
    calibration = replace(
        calibration,
        retrieval_weight=weight,
        decisive_margin=margin,
        decisive_lead=lead,
        fitted_on=fitted_on,
    )

    def figures(key: tuple[float | None, float | None, float]) -> tuple[float, float]:
        return round(tried[key][3], 4), round(float(tried[key][0].stopped.mean()), 3)

    baseline = [i for i, n in enumerate(data.names) if n in BASELINE]
    return Fit(
        with_reader,
        calibration,
        data,
        probability,
        [r.kind for r in records],
        [validation.sources[r.article] for r in records],
        {w: round(tried[None, None, w][3], 4) for w in weights},
        cross_validated_auc(data, list(range(len(data.names)))),
        cross_validated_auc(data, baseline),
        {m: figures((m, g, weight)) for m, g in stops if g == lead or m is None},
        {g: figures((m, g, weight)) for m, g in stops if m == margin and m is not None},
    )


Reading = tuple[float | None, float | None, float]  # decisive margin, lead, retrieval weight


def choose_reading(scored: dict[Reading, tuple[Table, float]]) -> Reading:
    """(decisive margin, decisive lead, retrieval weight): of those whose split F1 is
    within DECISIVE_TOLERANCE of the best reading every passage, the one that stops most
    often (then the better F1, then the lower margin, lead and weight)."""
    best = max(f1 for (margin, _, _), (_, f1) in scored.items() if margin is None)
    allowed = [key for key, (_, f1) in scored.items() if f1 >= best - DECISIVE_TOLERANCE]

    def preference(key: Reading) -> tuple[float, float, float, float, float]:
        data, f1 = scored[key]
        margin, lead, weight = key
        return (float(data.stopped.mean()), f1, -(margin or 0.0), -(lead or 0.0), -weight)

    return max(allowed, key=preference)


def _mean(values: np.ndarray) -> str:
    return f"{float(values.mean()):.3f}" if len(values) else "-"


def report(fit: Fit, output: object) -> str:
    """What the fitted model scores on the split, in Markdown-friendly lines."""
    c, data, p = fit.calibration, fit.table, fit.probability
    found = p >= c.threshold
    sure = found & (p >= c.confident_threshold)
    unsure = found & ~sure
    delivered = np.where(found, data.gain, (~data.answerable).astype(float))
    kinds, sources = np.array(fit.kinds), np.array(fit.sources)
    auc_in = auc(p, data.right)
    lines = [
        f"\n## {'with the reader' if fit.with_reader else 'without the reader'}: wrote {output}",
        f"fitted on {c.fitted_on}",
        f"retrieval weight {c.retrieval_weight} (F1 by weight: {fit.weights_tried}); "
        f"threshold {c.threshold}; confident threshold {c.confident_threshold}",
        f"decisive margin {c.decisive_margin}, lead {c.decisive_lead}: stopped after the "
        f"first passage {_mean(data.stopped)} (F1, share stopped by margin at that lead: "
        f"{fit.margins_tried}; by lead at that margin: {fit.leads_tried})",
        f"F1 with abstention {_mean(delivered)}; answerable F1 {_mean(delivered[data.answerable])}"
        f" (never abstaining: {_mean(data.gain[data.answerable])}); unanswerable abstained "
        f"{_mean(~found[~data.answerable])}",
        f"AUC of the score for 'answering is right': {auc_in:.3f} in-sample, "
        f"{fit.cv_auc if fit.cv_auc is None else round(fit.cv_auc, 3)} cross-validated by "
        f"article (the earlier features, refitted here: "
        f"{fit.baseline_cv_auc if fit.baseline_cv_auc is None else round(fit.baseline_cv_auc, 3)})",
        f"confident {int(sure.sum()):,} (right {_mean(data.right[sure])}), unsure "
        f"{int(unsure.sum()):,} (right {_mean(data.right[unsure])}), not found "
        f"{int((~found).sum()):,}",
        "F1 with abstention by source: "
        + ", ".join(f"{s} {_mean(delivered[sources == s])}" for s in sorted(set(fit.sources))),
        "abstained by kind: "
        + ", ".join(
            f"{k} {_mean(~found[kinds == k])}" for k in sorted(set(fit.kinds)) if k != ANSWERABLE
        ),
        "",
        reliability_table(reliability(p, data.right)),
        "",
        "coefficients: "
        + ", ".join(f"{n} {v:+.3f}" for n, v in sorted(c.coefficients.items()))
        + f"; intercept {c.intercept:+.3f}",
    ]
    return "\n".join(lines)
