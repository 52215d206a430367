"""The satisfaction survey (问卷): its counts per question and the paper forms typed as digits. Pure: no database."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..i18n import QT_TRANSLATE_NOOP

DEFAULT_SCALE = ("满意", "比较满意", "一般", "不太满意", "不满意")
SATISFIED = (0, 1)  # 满意 and 比较满意: the first two options of a scale


@dataclass(frozen=True)
class QuestionStats:
    """One rating (scale) question of the survey, its answers counted per option."""

    question_id: int
    text: str
    options: tuple[str, ...]
    counts: tuple[int, ...]  # per option
    answers: int  # answered (blank answers excluded)

    @property
    def satisfaction(self) -> float | None:
        """(满意 + 比较满意) / answers; None without answers."""
        if not self.answers:
            return None
        return sum(self.counts[i] for i in SATISFIED if i < len(self.counts)) / self.answers


@dataclass(frozen=True)
class SurveyStats:
    """The survey (问卷) counted: the number of forms (``responses``), each rating question's counts, and the
    open answers that are not blank."""

    responses: int
    questions: tuple[QuestionStats, ...]
    open_answers: tuple[tuple[int, str, str], ...] = field(default=())  # (answer id, question, text)

    @property
    def answers(self) -> int:
        return sum(q.answers for q in self.questions)

    @property
    def satisfaction(self) -> float | None:
        """Over every scale answer of every question."""
        total = self.answers
        if not total:
            return None
        return sum(q.satisfaction * q.answers for q in self.questions if q.answers) / total


def survey_stats(questions: Sequence[tuple[int, str, Sequence[str]]], answers: Iterable[tuple[int, int | None]],
                 responses: int, open_answers: Sequence[tuple[int, str, str]] = ()) -> SurveyStats:
    """``questions``: (id, text, options) of the scale questions; ``answers``: (question id, chosen option index
    or None for blank). Choices outside the options are ignored."""
    counts = {qid: [0] * len(options) for qid, _, options in questions}
    for qid, choice in answers:
        row = counts.get(qid)
        if row is not None and choice is not None and 0 <= choice < len(row):
            row[choice] += 1
    return SurveyStats(responses, tuple(
        QuestionStats(qid, text, tuple(options), tuple(counts[qid]), sum(counts[qid]))
        for qid, text, options in questions), tuple(open_answers))


INVALID_DIGIT = QT_TRANSLATE_NOOP("core", "Question {number}: '{digit}' is not an answer; type 1 to {count}, or 0 "
                                          "for no answer.")
TOO_MANY = QT_TRANSLATE_NOOP("core", "{typed} answers typed but the form has {count} rating questions.")


@dataclass(frozen=True)
class KeyedForm:
    """A paper form typed as digits (``parse_keyed``): a choice per rating question, or no choices and
    the error with its arguments."""

    choices: tuple[int | None, ...]  # option index per scale question, None for blank
    error: str | None = None  # core source string
    error_args: dict = field(default_factory=dict)


def parse_keyed(digits: str, option_counts: Sequence[int]) -> KeyedForm:
    """A paper form typed as one digit per rating question: ``1`` the first option (满意) … ``5`` the fifth,
    ``0`` or a space for a question left blank. Fewer digits than questions leave the rest blank."""
    typed = list(digits.rstrip())  # a leading space is a blank first question; trailing ones change nothing
    if len(typed) > len(option_counts):
        return KeyedForm((), TOO_MANY, {"typed": len(typed), "count": len(option_counts)})
    choices: list[int | None] = []
    for number, (char, count) in enumerate(zip(typed, option_counts, strict=False), start=1):
        if char in "0 ":
            choices.append(None)
        elif char.isdigit() and 1 <= int(char) <= count:
            choices.append(int(char) - 1)
        else:
            return KeyedForm((), INVALID_DIGIT, {"number": number, "digit": char, "count": count})
    choices += [None] * (len(option_counts) - len(choices))
    return KeyedForm(tuple(choices))


def rate_text(rate: float | None) -> str:
    """96.2% (one decimal, as a satisfaction rate is reported); — without answers."""
    return "—" if rate is None else f"{rate * 100:.1f}%"
