"""Survey-platform exports (问卷星, 腾讯问卷, 问卷网): their metadata columns, a question header reduced to the field
name it asks for ("1、您的姓名：" → 姓名, "Q3_身份证号" → 身份证号), and the answers that belong in 备注.

A platform is recognised by metadata columns only it writes; its other columns are questions. A question column that
maps to no field of a person keeps its answer in 备注 as "问题：答案" (options of a multi-select joined with ┋ or |
become "、"), so nothing a person wrote is lost; metadata that is no field of a person (所用时间, 来源, IP) is
ignored. The submission time (提交答卷时间, 结束答题时间, 提交时间) is 报名时间: roster.COLUMN_ALIASES lists it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ..i18n import QT_TRANSLATE_NOOP

PLATFORM_LABELS = {
    "wjx": QT_TRANSLATE_NOOP("core", "an export of Wenjuanxing (问卷星)"),
    "tencent": QT_TRANSLATE_NOOP("core", "an export of Tencent Survey (腾讯问卷)"),
    "wenjuan": QT_TRANSLATE_NOOP("core", "an export of Wenjuan.com (问卷网)"),
    "survey": QT_TRANSLATE_NOOP("core", "a survey export with numbered questions"),
}
# Metadata columns (after header_key): none of them is a field of a person or a question.
METADATA = {
    "wjx": frozenset({"序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "总分", "答卷编号", "用户ID",
                      "IP", "IP地址", "填写设备", "操作系统", "浏览器", "微信昵称", "微信性别", "微信地区"}),
    "tencent": frozenset({"编号", "用户ID", "用户标识", "昵称", "开始答题时间", "结束答题时间", "答题时长", "地理位置",
                          "来源", "来源渠道", "IP", "IP地址", "答卷状态", "自定义字段", "序号", "提交时间"}),
    "wenjuan": frozenset({"序号", "答卷编号", "编号", "答题者", "开始时间", "提交时间", "结束时间", "答题时长",
                          "答题用时", "IP", "IP地址", "IP所在地", "来源渠道", "渠道", "设备", "浏览器", "操作系统",
                          "省份", "城市", "地区", "微信昵称", "状态"}),
}
# Columns only that platform writes; every set of one entry must be present. Checked in this order.
SIGNATURES = (
    ("tencent", ({"开始答题时间", "结束答题时间"}, {"答题时长", "地理位置"})),
    ("wjx", ({"提交答卷时间", "所用时间"}, {"来自IP", "来源详情"}, {"提交答卷时间", "来自IP"})),
    ("wenjuan", ({"答题者", "提交时间"}, {"开始时间", "提交时间", "答题时长"}, {"IP所在地", "提交时间"},
                 {"答卷编号", "提交时间"})),
)
SKIPPED = frozenset({"(跳过)", "（跳过）", "(空)", "（空）"})  # 问卷星's marks for a question not shown or answered
MULTI_SEPARATORS = re.compile(r"\s*[┋|｜]\s*")

_NUMBERING = re.compile(r"^(?:第\d+题|[Qq]\d+(?:[._-]\d+)*|\d+(?:[._-]\d+)*(?=[、.:_\-)\s]))[、.:_\-)\s]*")
# The same on the header as written (the label keeps its full-width punctuation): "１．", "Ｑ３＿", "1）".
_NUMBERING_WIDE = re.compile(r"^\s*(?:第\s*[\d０-９]+\s*题|[QqＱｑ][\d０-９]+(?:[._\-．＿][\d０-９]+)*|"
                             r"[\d０-９]+(?:[._\-．＿][\d０-９]+)*(?=[、.:_\-)\s．：＿）]))[、.:_\-)\s．：＿）]*")
_BRACKETED = re.compile(r"\(.*?\)|\[.*?\]|（.*?）|【.*?】|<.*?>|〔.*?〕|［.*?］")
_PREFIXES = ("请您填写", "请填写", "请输入", "请选择", "请提供", "请问", "请", "您的", "你的", "您", "本人的", "本人")
_SUFFIXES = ("是什么", "是多少", "是", "为")


def is_question(header) -> bool:
    """A header numbered as a question: "1、…", "2.…", "Q3_…", "第4题…"."""
    text = unicodedata.normalize("NFKC", "" if header is None else str(header)).strip()
    return bool(_NUMBERING.match(text)) and bool(_NUMBERING.sub("", text).strip())


def strip_numbering(text: str) -> str:
    return _NUMBERING.sub("", text)


def strip_wording(key: str) -> str:
    """A header key (already without spaces, brackets and numbering) without the polite wording around the field
    name: "您的姓名是" → 姓名, "请填写手机号码" → 手机号码."""
    key = key.rstrip("?？:：。.*")
    for _ in range(3):  # "请填写您的手机号码": 请填写, then 您的
        prefix = next((p for p in _PREFIXES if key.startswith(p) and len(key) > len(p) + 1), None)
        if prefix is None:
            break
        key = key[len(prefix):]
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            key = key[: -len(suffix)]
            break
    return key


def question_label(header) -> str:
    """The question as 备注 names it: numbering, hints in brackets ("（必填）", "【多选题】") and the trailing colon
    removed, the wording kept ("3、您希望参观的项目（多选）：" → 您希望参观的项目)."""
    text = "" if header is None else str(header)
    text = " ".join(_BRACKETED.sub("", _NUMBERING_WIDE.sub("", text)).split())
    return text.rstrip(":：*＊ ") or " ".join(str(header).split())


def answer_text(text: str) -> str:
    """A multi-select answer's options joined with 、 instead of the platform's ┋ or |."""
    return MULTI_SEPARATORS.sub("、", text.strip())


def recognise(keys: Sequence[str]) -> str:
    """The platform whose metadata columns these header keys have, "survey" for numbered questions without
    them, or ""."""
    present = set(keys)
    for platform, signatures in SIGNATURES:
        if any(signature <= present for signature in signatures):
            return platform
    return ""


def question_columns(platform: str, headers: Sequence[str], keys: Sequence[str]) -> tuple[int, ...]:
    """The columns that hold answers: for a platform every column but its metadata, else the numbered ones."""
    if platform in METADATA:
        metadata = METADATA[platform]
        return tuple(i for i, key in enumerate(keys) if key and key not in metadata)
    return tuple(i for i, header in enumerate(headers) if is_question(header))
