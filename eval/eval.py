#!/usr/bin/env python3
"""Measure how well `sunting` does on real Indonesian news text.

Two passes over the sentences in the shared eval data (read at run time from
`--shared`, never copied into this repository; see eval/README.md):

* clean pass: published sentences and paragraphs are checked as they are; every
  finding counts as a (possible) false alarm. Published copy has real slips, so
  the rates are an upper bound on the false-alarm rate.
* planted pass: with a fixed seed, one slip of a known kind is planted in each of
  a sample of sentences; a slip counts as found when a finding of the expected rule
  overlaps the planted span, and its fix counts as right when applying the
  finding's fix gives back the original text.

Standard library only. Run from anywhere:

    python3 eval/eval.py --bin target/release/sunting [--shared ../shared] [--seed 1] [--limit N]
    python3 eval/eval.py --dry-run            # show 20 planted sentences, no binary needed
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from typing import Callable, NoReturn, Optional

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# --------------------------------------------------------------------------------------
# Loading the eval data
# --------------------------------------------------------------------------------------

# Lines that detik's CMS or the scraper added to the body copy. They are not copy, so
# they are dropped before measuring (sunting may rightly flag them as boilerplate).
BOILERPLATE = re.compile(
    r"""^(?:
        SCROLL\ TO\ CONTINUE\ WITH\ CONTENT$
      | ADVERTISEMENT$
      | (?:Simak|Tonton|Lihat|Saksikan)\s+(?:juga\s+)?(?:video|live)
      | Baca\s+(?:juga|selengkapnya|beritanya)
      | Simak\s+(?:selengkapnya|rangkumannya|informasinya)
      | \[Gambas:
    )""",
    re.IGNORECASE | re.VERBOSE,
)

WORD = re.compile(r"\S*\w\S*")


def count_words(text: str) -> int:
    return len(WORD.findall(text))


@dataclass
class Unit:
    """One sentence (UD) or one paragraph (detik) of published copy."""

    source: str  # "ud-csui", "ud-gsd", "detik"
    text: str
    date: Optional[str]  # publication date YYYY-MM-DD when known
    article: Optional[int] = None  # detik row index, to rebuild whole articles


def load_ud(path: str, source: str, limit: Optional[int], rng: random.Random) -> list[Unit]:
    with open(path, encoding="utf-8") as f:
        lines = [line.strip() for line in f]
    lines = [line for line in lines if line]
    if limit is not None and limit < len(lines):
        keep = sorted(rng.sample(range(len(lines)), limit))
        lines = [lines[i] for i in keep]
    return [Unit(source, line, None) for line in lines]


def detik_date(raw: str) -> Optional[str]:
    # `tanggal` is the publish time as M/D/YYYY H:MM.
    m = re.match(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})", raw or "")
    if not m:
        return None
    month, day, year = (int(x) for x in m.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def load_detik(path: str, limit: Optional[int], rng: random.Random) -> list[Unit]:
    csv.field_size_limit(1 << 30)
    articles: list[tuple[int, Optional[str], list[str]]] = []
    seen: set[str] = set()
    with open(path, encoding="utf-8", newline="") as f:
        for index, row in enumerate(csv.DictReader(f)):
            body = row.get("isi_berita") or ""
            if body in seen:  # 91 rows are duplicates of other rows
                continue
            seen.add(body)
            paragraphs = []
            for line in body.split("\n"):
                line = line.strip()
                if line and not BOILERPLATE.match(line):
                    paragraphs.append(line)
            if paragraphs:
                articles.append((index, detik_date(row.get("tanggal", "")), paragraphs))
    if limit is not None:
        order = list(range(len(articles)))
        rng.shuffle(order)
        chosen, total = [], 0
        for i in order:
            if total >= limit:
                break
            chosen.append(i)
            total += len(articles[i][2])
        articles = [articles[i] for i in sorted(chosen)]
    units = []
    for index, date, paragraphs in articles:
        units.extend(Unit("detik", p, date, index) for p in paragraphs)
    return units


def load_sources(shared: str, limit: Optional[int], seed: int) -> list[Unit]:
    base = os.path.join(shared, "eval-data")
    wanted = {
        "ud-csui": os.path.join(base, "ud-csui", "sentences.txt"),
        "ud-gsd": os.path.join(base, "ud-gsd", "sentences.txt"),
        "detik": os.path.join(base, "detik-2025", "data_berita.csv"),
    }
    missing = [p for p in wanted.values() if not os.path.isfile(p)]
    if missing:
        fail(
            "eval data not found:\n  "
            + "\n  ".join(missing)
            + "\nPass --shared DIR (the folder holding eval-data/)."
        )
    units = []
    units += load_ud(wanted["ud-csui"], "ud-csui", limit, random.Random(seed))
    units += load_ud(wanted["ud-gsd"], "ud-gsd", limit, random.Random(seed + 1))
    units += load_detik(wanted["detik"], limit, random.Random(seed + 2))
    return units


def load_dictionary_words() -> set[str]:
    """Stems of the embedded Hunspell dictionary, to keep planted typos from being words."""
    words: set[str] = set()
    for path in (
        os.path.join(REPO, "rules", "kamus", "id_ID.dic"),
        os.path.join(REPO, "..", "shared", "data", "hunspell-id", "id_ID.dic"),
    ):
        if os.path.isfile(path):
            with open(path, encoding="latin-1") as f:
                next(f, None)  # first line is the entry count
                for line in f:
                    words.add(line.split("/", 1)[0].strip().lower())
            break
    return words


# --------------------------------------------------------------------------------------
# Running sunting
# --------------------------------------------------------------------------------------


def fail(message: str) -> NoReturn:
    print(f"eval.py: error: {message}", file=sys.stderr)
    sys.exit(2)


@dataclass
class Sunting:
    binary: str
    has_date: bool
    has_no_config: bool

    @classmethod
    def open(cls, binary: str) -> "Sunting":
        path = binary
        if os.sep not in binary and not os.path.exists(binary):
            path = shutil.which(binary) or binary
        if not os.path.isfile(path):
            fail(
                f"sunting binary not found: {binary}\n"
                "Build it first (cargo build --release) and pass --bin target/release/sunting."
            )
        if not os.access(path, os.X_OK):
            fail(f"{binary} is not executable")
        try:
            probe = subprocess.run(
                [path, "check", "--help"], capture_output=True, text=True, timeout=60
            )
        except OSError as e:
            fail(f"cannot run {binary}: {e}")
        help_text = probe.stdout + probe.stderr
        if probe.returncode != 0 or "--format" not in help_text:
            fail(
                f"`{binary} check --help` exited {probe.returncode} or does not offer --format json; "
                f"is it the sunting binary, and fully built?\n{help_text.strip()[:2000]}"
            )
        return cls(os.path.abspath(path), "--date" in help_text, "--no-config" in help_text)

    def check(self, files: list[str], date: Optional[str]) -> list[dict]:
        """Run `sunting check --format json` over files; return all findings."""
        findings: list[dict] = []
        for i in range(0, len(files), 200):
            chunk = files[i : i + 200]
            cmd = [self.binary, "check", "--format", "json"]
            if self.has_no_config:
                cmd.append("--no-config")
            if date and self.has_date:
                cmd += ["--date", date]
            cmd += chunk
            proc = subprocess.run(cmd, capture_output=True)
            if proc.returncode not in (0, 1):
                print(
                    f"eval.py: warning: sunting exited {proc.returncode}:\n"
                    + proc.stderr.decode("utf-8", "replace").strip()[:2000],
                    file=sys.stderr,
                )
            try:
                data = json.loads(proc.stdout.decode("utf-8") or "[]")
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                fail(
                    f"sunting printed no valid JSON (exit {proc.returncode}): {e}\n"
                    f"command: {shlex.join(cmd[:6])} ...\n"
                    + proc.stderr.decode("utf-8", "replace").strip()[:2000]
                )
            if not isinstance(data, list):
                fail("sunting's JSON output is not an array")
            findings.extend(data)
        return findings


def norm_path(path: str) -> str:
    return os.path.realpath(os.path.abspath(path))


def run_grouped(sunting: Sunting, files_by_date: dict[Optional[str], list[str]]) -> dict[str, list[dict]]:
    """Run per publication date; return findings keyed by real path."""
    out: dict[str, list[dict]] = collections.defaultdict(list)
    for date, files in sorted(files_by_date.items(), key=lambda kv: kv[0] or ""):
        for f in sunting.check(files, date):
            out[norm_path(str(f.get("path", "")))].append(f)
    return out


# --------------------------------------------------------------------------------------
# Clean pass
# --------------------------------------------------------------------------------------


@dataclass
class Written:
    path: str
    source: str
    data: bytes
    words: int


def write_clean_files(units: list[Unit], tmp: str, batch: int) -> tuple[list[Written], dict[Optional[str], list[str]]]:
    written: list[Written] = []
    by_date: dict[Optional[str], list[str]] = collections.defaultdict(list)

    def emit(rel: str, source: str, text: str, date: Optional[str]) -> None:
        path = os.path.join(tmp, "clean", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        written.append(Written(norm_path(path), source, data, count_words(text)))
        by_date[date].append(path)

    # UD: batches of sentences, each its own paragraph (no publish date known).
    for source in ("ud-csui", "ud-gsd"):
        sentences = [u.text for u in units if u.source == source]
        for n, i in enumerate(range(0, len(sentences), batch)):
            emit(f"{source}/batch-{n + 1:04d}.txt", source, "\n\n".join(sentences[i : i + batch]) + "\n", None)
    # detik: one file per article, so article-level checks (names, dates) see the article.
    articles: dict[int, list[Unit]] = collections.defaultdict(list)
    for u in units:
        if u.source == "detik" and u.article is not None:
            articles[u.article].append(u)
    for index, paras in sorted(articles.items()):
        date = paras[0].date
        emit(f"detik/{date or 'nodate'}/{index:04d}.txt", "detik", "\n\n".join(p.text for p in paras) + "\n", date)
    return written, by_date


def snippet(data: bytes, start: int, end: int, width: int = 30) -> str:
    def clean(b: bytes) -> str:
        return b.decode("utf-8", "replace").replace("\n", " ⏎ ")

    start = max(0, min(start, len(data)))
    end = max(start, min(end, len(data)))
    before = clean(data[max(0, start - width * 2) : start])[-width:]
    after = clean(data[end : end + width * 2])[:width]
    return f"…{before}[[{clean(data[start:end])}]]{after}…"


def clean_pass(args, sunting: Sunting, units: list[Unit], tmp: str, out_dir: str) -> tuple[int, str]:
    written, by_date = write_clean_files(units, tmp, args.batch)
    by_path = {w.path: w for w in written}
    findings = run_grouped(sunting, by_date)

    sources = ["ud-csui", "ud-gsd", "detik"]
    words = {s: sum(w.words for w in written if w.source == s) for s in sources}
    total_words = sum(words.values())
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    levels: dict[str, str] = {}
    records = []
    for path, fs in findings.items():
        w = by_path.get(path)
        if w is None:
            continue
        for f in fs:
            rule = str(f.get("rule", "?"))
            counts[rule][w.source] += 1
            levels.setdefault(rule, str(f.get("level", "")))
            start, end = int(f.get("start", 0)), int(f.get("end", 0))
            fix = ""
            if f.get("fixes"):
                fix = " | ".join(repr(x.get("replacement", "")) for x in f["fixes"])
            records.append(
                {
                    "rule": rule,
                    "level": f.get("level"),
                    "source": w.source,
                    "file": os.path.relpath(path, os.path.join(tmp, "clean")),
                    "line": f.get("line"),
                    "column": f.get("column"),
                    "text": w.data[start:end].decode("utf-8", "replace"),
                    "context": snippet(w.data, start, end),
                    "message": f.get("message"),
                    "fix": fix,
                }
            )

    lines = []
    lines.append("CLEAN PASS — false alarms on published copy (upper bound: the copy has real slips)")
    lines.append(
        "words checked: "
        + ", ".join(f"{s} {words[s]:,}" for s in sources)
        + f"; total {total_words:,}"
    )
    header = f"{'rule':34} {'level':8} {'findings':>8} {'per 1k':>7}" + "".join(f" {s:>9}" for s in sources)
    lines.append(header)
    lines.append("-" * len(header))

    def per_k(n: int, w: int) -> str:
        return f"{1000 * n / w:.2f}" if w else "-"

    for rule in sorted(counts, key=lambda r: (-sum(counts[r].values()), r)):
        n = sum(counts[rule].values())
        lines.append(
            f"{rule:34} {levels.get(rule, ''):8} {n:>8} {per_k(n, total_words):>7}"
            + "".join(f" {per_k(counts[rule][s], words[s]):>9}" for s in sources)
        )
    total = sum(sum(c.values()) for c in counts.values())
    lines.append("-" * len(header))
    lines.append(
        f"{'TOTAL':34} {'':8} {total:>8} {per_k(total, total_words):>7}"
        + "".join(f" {per_k(sum(counts[r][s] for r in counts), words[s]):>9}" for s in sources)
    )
    lines.append("(per-source columns are findings per 1,000 words of that source)")

    # Sample for hand review.
    rng = random.Random(args.seed)
    by_rule: dict[str, list[dict]] = collections.defaultdict(list)
    for r in records:
        by_rule[r["rule"]].append(r)
    sample_path = os.path.join(out_dir, "findings-sample.txt")
    with open(sample_path, "w", encoding="utf-8") as f:
        f.write(
            "# sunting findings on published copy, for hand review (not proofread gold:\n"
            "# some findings are real slips in the copy). Local use only: the text is\n"
            "# quoted from eval data that must not be committed.\n"
        )
        for rule in sorted(by_rule, key=lambda r: (-len(by_rule[r]), r)):
            items = by_rule[rule]
            pick = items if len(items) <= args.sample_per_rule else rng.sample(items, args.sample_per_rule)
            f.write(f"\n## {rule} — {len(items)} findings, {per_k(len(items), total_words)} per 1k words; {len(pick)} shown\n")
            for r in pick:
                fix = f"  => {r['fix']}" if r["fix"] else ""
                f.write(f"{r['file']}:{r['line']}:{r['column']}  «{r['text']}»  {r['context']}{fix}\n")
                f.write(f"    {r['message']}\n")
    with open(os.path.join(out_dir, "clean-findings.jsonl"), "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    lines.append(f"sample for hand review: {os.path.relpath(sample_path)}")
    return total_words, "\n".join(lines)


# --------------------------------------------------------------------------------------
# Planting slips
# --------------------------------------------------------------------------------------


@dataclass
class Plant:
    text: str  # the unit with the slip
    start: int  # char span of the slip in `text`
    end: int
    orig_start: int  # char span of the same place in the original text
    orig_end: int
    note: str  # what was done, e.g. "tanggung jawab -> tanggungjawab"


@dataclass
class Planter:
    name: str
    expected: frozenset[str]
    fn: Callable[[str, random.Random, "Ctx"], Optional[Plant]]


@dataclass
class Ctx:
    vocab: set[str]  # every lower-case word seen in the corpus
    dictionary: set[str]  # stems from the Hunspell dictionary

    def is_word(self, w: str) -> bool:
        lw = w.lower()
        return lw in self.vocab or lw in self.dictionary


NEIGHBOURS = {
    "q": "wa", "w": "qeas", "e": "wrsd", "r": "etdf", "t": "ryfg", "y": "tugh", "u": "yihj",
    "i": "uojk", "o": "ipkl", "p": "ol", "a": "qwsz", "s": "awedxz", "d": "serfcx",
    "f": "drtgvc", "g": "ftyhbv", "h": "gyujnb", "j": "huikmn", "k": "jiolm", "l": "kop",
    "z": "asx", "x": "zsdc", "c": "xdfv", "v": "cfgb", "b": "vghn", "n": "bhjm", "m": "njk",
}

EDGE = r"(?<![\w'’-])"
EDGE_END = r"(?![\w'’-])"


def typo(word: str, rng: random.Random, ops: tuple[str, ...], interior: bool = False) -> tuple[str, str]:
    """Apply one random typo; returns (new word, op name). `interior` keeps the first letter."""
    op = rng.choice(ops)
    lo = 1 if interior else 0
    n = len(word)
    if op == "transpose":
        choices = [i for i in range(lo, n - 1) if word[i] != word[i + 1]]
        if not choices:
            return word, op
        i = rng.choice(choices)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :], op
    if op == "double":
        i = rng.randrange(lo, n)
        return word[: i + 1] + word[i] + word[i + 1 :], op
    if op == "drop":
        i = rng.randrange(max(1, lo), n)
        return word[:i] + word[i + 1 :], op
    # neighbour-key substitution
    choices = [i for i in range(max(1, lo), n) if word[i].lower() in NEIGHBOURS]
    if not choices:
        return word, op
    i = rng.choice(choices)
    sub = rng.choice(NEIGHBOURS[word[i].lower()])
    return word[:i] + sub + word[i + 1 :], op


TYPO_OPS = ("transpose", "double", "drop", "neighbour")


def plant_typo(text: str, rng: random.Random, ctx: Ctx) -> Optional[Plant]:
    words = [m for m in re.finditer(EDGE + r"[a-z]{5,}" + EDGE_END, text)]
    rng.shuffle(words)
    for m in words[:8]:
        for _ in range(4):
            new, op = typo(m.group(0), rng, TYPO_OPS)
            if new != m.group(0) and not ctx.is_word(new):
                s, e = m.span()
                return Plant(text[:s] + new + text[e:], s, s + len(new), s, e, f"{op}: {m.group(0)} -> {new}")
    return None


def plant_rapat(text: str, rng: random.Random, ctx: Ctx) -> Optional[Plant]:
    ms = list(re.finditer(EDGE + r"([a-z]{3,}) (dan|di|yang|untuk)" + EDGE_END, text))
    rng.shuffle(ms)
    for m in ms:
        joined = m.group(1) + m.group(2)
        if ctx.is_word(joined):
            continue
        s, e = m.span()
        return Plant(text[:s] + joined + text[e:], s, s + len(joined), s, e, f"{m.group(0)} -> {joined}")
    return None


# baku -> tidak baku (well-known KBBI pairs; the planter writes the right-hand form)
BAKU_PAIRS = {
    "praktik": "praktek", "risiko": "resiko", "izin": "ijin", "analisis": "analisa",
    "napas": "nafas", "zaman": "jaman", "mengubah": "merubah", "memengaruhi": "mempengaruhi",
    "dipengaruhi": None, "silakan": "silahkan", "sekadar": "sekedar", "imbau": "himbau",
    "mengimbau": "menghimbau", "imbauan": "himbauan", "november": "nopember",
    "februari": "pebruari", "jumat": "jum'at", "aktivitas": "aktifitas", "kualitas": "kwalitas",
    "apotek": "apotik", "sistem": "sistim", "atlet": "atlit", "nasihat": "nasehat",
    "ijazah": "ijasah", "provinsi": "propinsi", "objek": "obyek", "subjek": "subyek",
    "teknik": "tehnik", "teknologi": "tehnologi", "kreativitas": "kreatifitas",
    "efektivitas": "efektifitas", "produktivitas": "produktifitas", "karier": "karir",
    "konkret": "konkrit", "ekstrem": "ekstrim", "miliar": "milyar", "triliun": "trilyun",
    "masjid": "mesjid", "hakikat": "hakekat", "kedaluwarsa": "kadaluarsa",
    "standardisasi": "standarisasi", "frekuensi": "frekwensi", "diagnosis": "diagnosa",
}
BAKU_PAIRS = {k: v for k, v in BAKU_PAIRS.items() if v}
BAKU_RE = re.compile(EDGE + "(" + "|".join(sorted(BAKU_PAIRS, key=len, reverse=True)) + ")" + EDGE_END, re.IGNORECASE)


def same_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def plant_baku(text: str, rng: random.Random, ctx: Ctx) -> Optional[Plant]:
    ms = list(BAKU_RE.finditer(text))
    if not ms:
        return None
    m = rng.choice(ms)
    new = same_case(m.group(0), BAKU_PAIRS[m.group(0).lower()])
    s, e = m.span()
    return Plant(text[:s] + new + text[e:], s, s + len(new), s, e, f"{m.group(0)} -> {new}")


COMPOUND_RE = re.compile(
    EDGE + r"((?:be)?kerja sama|(?:ber)?terima kasih|(?:ber)?tanggung jawab)(nya)?" + EDGE_END,
    re.IGNORECASE,
)


def plant_compound(text: str, rng: random.Random, ctx: Ctx) -> Optional[Plant]:
    ms = list(COMPOUND_RE.finditer(text))
    if not ms:
        return None
    m = rng.choice(ms)
    new = m.group(0).replace(" ", "")
    s, e = m.span()
    return Plant(text[:s] + new + text[e:], s, s + len(new), s, e, f"{m.group(0)} -> {new}")


DIKE_RE = re.compile(EDGE + r"([Dd]i) (sana|mana|antara)" + EDGE_END)


def plant_dike(text: str, rng: random.Random, ctx: Ctx) -> Optional[Plant]:
    ms = list(DIKE_RE.finditer(text))
    if not ms:
        return None
    m = rng.choice(ms)
    new = m.group(1) + m.group(2)
    s, e = m.span()
    return Plant(text[:s] + new + text[e:], s, s + len(new), s, e, f"{m.group(0)} -> {new}")


def plant_space_before(text: str, rng: random.Random, ctx: Ctx) -> Optional[Plant]:
    spots = []
    for m in re.finditer(r"(?<=[^\W\d_])([,.])(?=\s|$|[\"”])", text):
        i = m.start()
        if m.group(1) == ".":
            # Only a sentence-final period after a real word: not an abbreviation.
            word = re.search(r"(\w+)$", text[:i])
            if not word or len(word.group(1)) < 3 or word.group(1).isupper():
                continue
            rest = text[i + 1 :].lstrip()
            if rest and not (rest[0].isupper() or rest[0] in "\"“"):
                continue
        spots.append(i)
    if not spots:
        return None
    i = rng.choice(spots)
    return Plant(text[:i] + " " + text[i:], i, i + 2, i, i + 1, f"space before {text[i]!r}")


FUNCTION_WORDS = ("yang", "dan", "di", "ke", "dari", "untuk", "dengan", "itu", "ini", "akan", "pada", "dalam")
FUNCTION_RE = re.compile(EDGE + "(" + "|".join(FUNCTION_WORDS) + ")" + EDGE_END)


def plant_repeat(text: str, rng: random.Random, ctx: Ctx) -> Optional[Plant]:
    ms = list(FUNCTION_RE.finditer(text))
    if not ms:
        return None
    m = rng.choice(ms)
    s, e = m.span()
    w = m.group(0)
    return Plant(text[:e] + " " + w + text[e:], s, e + 1 + len(w), s, e, f"{w} -> {w} {w}")


DAY_RE = re.compile(EDGE + r"(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu)" + EDGE_END)


def sentence_initial(text: str, i: int) -> bool:
    before = text[:i].rstrip(" \"“'(")
    return not before or before[-1] in ".!?:"


def plant_day_lower(text: str, rng: random.Random, ctx: Ctx) -> Optional[Plant]:
    ms = [m for m in DAY_RE.finditer(text) if not sentence_initial(text, m.start())]
    if not ms:
        return None
    m = rng.choice(ms)
    s, e = m.span()
    new = m.group(0).lower()
    return Plant(text[:s] + new + text[e:], s, e, s, e, f"{m.group(0)} -> {new}")


MONTHS_DAYS = {
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari",
    "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november",
    "desember",
}
NAME_RE = re.compile(EDGE + r"([A-Z][a-z]{4,})" + EDGE_END)


def name_candidates(text: str, ctx: Ctx) -> dict[str, list[re.Match]]:
    """Capitalised words used 2+ times in the unit that look like names, not common words."""
    found: dict[str, list[re.Match]] = collections.defaultdict(list)
    for m in NAME_RE.finditer(text):
        found[m.group(0)].append(m)
    # A name turns up mid-sentence at least once; a capitalised word seen only at sentence
    # starts is more likely an ordinary (often colloquial) word than a name.
    return {
        w: ms
        for w, ms in found.items()
        if len(ms) >= 2
        and w.lower() not in MONTHS_DAYS
        and not ctx.is_word(w)
        and any(not sentence_initial(text, m.start()) for m in ms)
    }


def plant_name_variant(text: str, rng: random.Random, ctx: Ctx) -> Optional[Plant]:
    cands = name_candidates(text, ctx)
    if not cands:
        return None
    caps = set(NAME_RE.findall(text))
    for name in rng.sample(sorted(cands), len(cands)):
        m = rng.choice(cands[name][1:])  # not the first use: the first sets the spelling
        for _ in range(6):
            new, op = typo(name, rng, ("transpose", "drop", "neighbour"), interior=True)
            if new != name and new not in caps and not ctx.is_word(new) and len(new) >= 4:
                s, e = m.span()
                return Plant(text[:s] + new + text[e:], s, s + len(new), s, e, f"{op}: {name} -> {new}")
    return None


def plant_name_lower(text: str, rng: random.Random, ctx: Ctx) -> Optional[Plant]:
    cands = name_candidates(text, ctx)
    spots = [m for ms in cands.values() for m in ms[1:] if not sentence_initial(text, m.start())]
    if not spots:
        return None
    m = rng.choice(spots)
    s, e = m.span()
    new = m.group(0).lower()
    return Plant(text[:s] + new + text[e:], s, e, s, e, f"{m.group(0)} -> {new}")


DATE_RE = re.compile(r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu),?\s*(\()(\d{1,2})(/\d{1,2}(?:/\d{2,4})?\))")


def plant_date_impossible(text: str, rng: random.Random, ctx: Ctx) -> Optional[Plant]:
    ms = list(DATE_RE.finditer(text))
    if not ms:
        return None
    m = rng.choice(ms)
    s, e = m.start(1), m.end(3)
    new = "(32" + m.group(3)
    return Plant(text[:s] + new + text[e:], s, s + len(new), s, e, f"{text[s:e]} -> {new}")


PLANTERS = [
    Planter("typo", frozenset({"ejaan"}), plant_typo),
    Planter("run-together", frozenset({"ejaan.rapat"}), plant_rapat),
    Planter("baku", frozenset({"baku", "tanggal.nama"}), plant_baku),
    Planter("compound-joined", frozenset({"gabungan-kata"}), plant_compound),
    Planter("di-joined", frozenset({"di-ke"}), plant_dike),
    Planter("space-before", frozenset({"tanda-baca.spasi-sebelum"}), plant_space_before),
    Planter("doubled-word", frozenset({"pengulangan"}), plant_repeat),
    Planter("day-lower", frozenset({"tanggal.kapital", "kapital"}), plant_day_lower),
    Planter("name-variant", frozenset({"nama.varian"}), plant_name_variant),
    Planter("name-lower", frozenset({"nama.kapital"}), plant_name_lower),
    Planter("date-day-32", frozenset({"tanggal.mustahil"}), plant_date_impossible),
]


@dataclass
class Planted:
    planter: Planter
    unit: Unit
    plant: Plant
    # filled in when written
    path: str = ""
    base_path: str = ""
    offset: int = 0  # byte offset of the unit in the planted file
    base_offset: int = 0
    # results
    found: bool = False
    preexisting: bool = False
    fix_right: Optional[bool] = None
    other_rules: list[str] = field(default_factory=list)


def plant_all(units: list[Unit], per_rule: int, seed: int, ctx: Ctx) -> list[Planted]:
    """Pick up to `per_rule` units per planter, one slip per unit, reproducibly."""
    rng = random.Random(seed)
    order = list(range(len(units)))
    rng.shuffle(order)
    # Rare planters choose first, so common ones do not use up their few candidates.
    candidates = {}
    for p in PLANTERS:
        probe = random.Random(seed)
        candidates[p.name] = [i for i in order if p.fn(units[i].text, probe, ctx) is not None]
    used: set[int] = set()
    planted: list[Planted] = []
    for p in sorted(PLANTERS, key=lambda p: len(candidates[p.name])):
        prng = random.Random(f"{seed}:{p.name}")
        n = 0
        for i in candidates[p.name]:
            if n >= per_rule:
                break
            if i in used:
                continue
            result = p.fn(units[i].text, prng, ctx)
            if result is None:
                continue
            used.add(i)
            planted.append(Planted(p, units[i], result))
            n += 1
    planted.sort(key=lambda x: PLANTERS.index(x.planter))
    return planted


def char_to_byte(text: str, i: int) -> int:
    return len(text[:i].encode("utf-8"))


def write_planted(planted: list[Planted], tmp: str, batch: int) -> dict[Optional[str], list[str]]:
    groups: dict[tuple[str, Optional[str]], list[Planted]] = collections.defaultdict(list)
    for p in planted:
        groups[(p.unit.source, p.unit.date)].append(p)
    by_date: dict[Optional[str], list[str]] = collections.defaultdict(list)
    for (source, date), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        for n, i in enumerate(range(0, len(items), batch)):
            chunk = items[i : i + batch]
            rel = f"{source}/{date or 'nodate'}-{n + 1:03d}.txt"
            for kind, attr in (("planted", "text"), ("baseline", None)):
                path = os.path.join(tmp, kind, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                parts: list[bytes] = []
                pos = 0
                for p in chunk:
                    body = (p.plant.text if attr else p.unit.text).encode("utf-8")
                    if kind == "planted":
                        p.path, p.offset = norm_path(path), pos
                    else:
                        p.base_path, p.base_offset = norm_path(path), pos
                    parts.append(body + b"\n\n")
                    pos += len(body) + 2
                with open(path, "wb") as f:
                    f.write(b"".join(parts))
                by_date[date].append(path)
    return by_date


def apply_edits(data: bytes, edits: list[dict]) -> Optional[bytes]:
    try:
        spans = sorted(((int(e["start"]), int(e["end"]), str(e.get("replacement", ""))) for e in edits), reverse=True)
    except (KeyError, TypeError, ValueError):
        return None
    last = len(data) + 1
    for s, e, r in spans:
        if not (0 <= s <= e <= len(data)) or e > last:
            return None  # out of range or overlapping
        data = data[:s] + r.encode("utf-8") + data[e:]
        last = s
    return data


def planted_pass(args, sunting: Sunting, planted: list[Planted], tmp: str, out_dir: str) -> str:
    by_date = write_planted(planted, tmp, args.batch)
    findings = run_grouped(sunting, by_date)
    file_cache: dict[str, bytes] = {}

    def read(path: str) -> bytes:
        if path not in file_cache:
            with open(path, "rb") as f:
                file_cache[path] = f.read()
        return file_cache[path]

    for p in planted:
        t = p.plant
        s = p.offset + char_to_byte(t.text, t.start)
        e = p.offset + char_to_byte(t.text, t.end)
        bs = p.base_offset + char_to_byte(p.unit.text, t.orig_start)
        be = p.base_offset + char_to_byte(p.unit.text, t.orig_end)
        for f in findings.get(p.base_path, []):
            if f.get("rule") in p.planter.expected and int(f["start"]) < be and bs < int(f["end"]):
                p.preexisting = True
        hits = sorted(
            (f for f in findings.get(p.path, []) if int(f["start"]) < e and s < int(f["end"])),
            key=lambda f: int(f["start"]),
        )
        mine = [f for f in hits if f.get("rule") in p.planter.expected]
        p.other_rules = sorted({str(f.get("rule")) for f in hits if f.get("rule") not in p.planter.expected})
        p.found = bool(mine)
        if mine and mine[0].get("fixes"):
            data = read(p.path)
            fixed = apply_edits(data, mine[0]["fixes"])
            original = p.unit.text.encode("utf-8")
            planted_len = len(t.text.encode("utf-8"))
            want = data[: p.offset] + original + data[p.offset + planted_len :]
            p.fix_right = fixed == want
        elif mine:
            p.fix_right = False

    lines = ["PLANTED PASS — recall of one planted slip per sentence"]
    header = f"{'planter':16} {'expected rule':34} {'planted':>7} {'found':>6} {'recall':>7} {'fix-right':>9} {'pre':>4}  found by other rules instead"
    lines.append(header)
    lines.append("-" * len(header))
    tot_n = tot_found = tot_fix = 0
    for planter in PLANTERS:
        items = [p for p in planted if p.planter is planter and not p.preexisting]
        pre = sum(1 for p in planted if p.planter is planter and p.preexisting)
        n = len(items)
        found = sum(p.found for p in items)
        fix = sum(1 for p in items if p.fix_right)
        others = collections.Counter(r for p in items if not p.found for r in p.other_rules)
        other_txt = ", ".join(f"{r} {c}" for r, c in others.most_common(3))
        recall = f"{100 * found / n:.0f}%" if n else "-"
        fixr = f"{fix}/{found}" if found else "-"
        lines.append(
            f"{planter.name:16} {'|'.join(sorted(planter.expected)):34} {n:>7} {found:>6} {recall:>7} {fixr:>9} {pre:>4}  {other_txt}"
        )
        tot_n, tot_found, tot_fix = tot_n + n, tot_found + found, tot_fix + fix
    lines.append("-" * len(header))
    lines.append(
        f"{'TOTAL':16} {'':34} {tot_n:>7} {tot_found:>6} {(f'{100 * tot_found / tot_n:.0f}%' if tot_n else '-'):>7} {(f'{tot_fix}/{tot_found}' if tot_found else '-'):>9}"
    )
    lines.append(
        "(found = a finding of the expected rule overlaps the planted span; fix-right = its fix gives back\n"
        " the original text; pre = plants left out because the unplanted text already had such a finding there)"
    )
    with open(os.path.join(out_dir, "planted.jsonl"), "w", encoding="utf-8") as f:
        for p in planted:
            t = p.plant
            f.write(
                json.dumps(
                    {
                        "planter": p.planter.name,
                        "expected": sorted(p.planter.expected),
                        "source": p.unit.source,
                        "note": t.note,
                        "found": p.found,
                        "fix_right": p.fix_right,
                        "preexisting": p.preexisting,
                        "other_rules": p.other_rules,
                        "context": snippet(t.text.encode("utf-8"), char_to_byte(t.text, t.start), char_to_byte(t.text, t.end), 40),
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    lines.append(f"every planted slip with its result: {os.path.relpath(os.path.join(out_dir, 'planted.jsonl'))}")
    return "\n".join(lines)


def dry_run(planted: list[Planted], count: int = 20) -> None:
    by_planter: dict[str, list[Planted]] = collections.defaultdict(list)
    for p in planted:
        by_planter[p.planter.name].append(p)
    shown = 0
    print(f"{len(planted)} slips planted ({', '.join(f'{k} {len(v)}' for k, v in by_planter.items())}); showing {count}:\n")
    round_ = 0
    while shown < count and any(len(v) > round_ for v in by_planter.values()):
        for planter in PLANTERS:
            items = by_planter.get(planter.name, [])
            if round_ < len(items) and shown < count:
                p = items[round_]
                t = p.plant
                before = p.unit.text[max(0, t.orig_start - 50) : t.orig_end + 50]
                after = t.text[max(0, t.start - 50) : t.start] + "«" + t.text[t.start : t.end] + "»" + t.text[t.end : t.end + 50]
                print(f"[{'|'.join(sorted(planter.expected))}] {planter.name}: {t.note}  ({p.unit.source})")
                print(f"   was: …{before}…")
                print(f"   now: …{after}…\n")
                shown += 1
        round_ += 1


# --------------------------------------------------------------------------------------


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(REPO, "target", "release", "sunting"), help="the sunting binary (default: target/release/sunting)")
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"), help="folder holding eval-data/ (default: ../shared beside the repo)")
    ap.add_argument("--seed", type=int, default=1, help="random seed for sampling and planting (default 1)")
    ap.add_argument("--limit", type=int, default=None, help="use at most N sentences per UD file and about N detik paragraphs")
    ap.add_argument("--per-rule", type=int, default=60, help="slips planted per planter (default 60)")
    ap.add_argument("--batch", type=int, default=50, help="sentences or planted items per temporary file (default 50)")
    ap.add_argument("--sample-per-rule", type=int, default=25, help="findings per rule in findings-sample.txt (default 25)")
    ap.add_argument("--out", default=os.path.join(REPO, "eval", "out"), help="output folder (default eval/out, gitignored)")
    ap.add_argument("--skip-clean", action="store_true", help="run only the planted pass")
    ap.add_argument("--skip-planted", action="store_true", help="run only the clean pass")
    ap.add_argument("--keep-tmp", action="store_true", help="keep the temporary files and print where they are")
    ap.add_argument("--dry-run", action="store_true", help="print 20 planted sentences with their expected rule; needs no binary")
    args = ap.parse_args(argv)

    units = load_sources(args.shared, args.limit, args.seed)
    ctx = Ctx(
        vocab={w for u in units for w in re.findall(r"(?<![\w'-])[a-z]+(?![\w'-])", u.text)},
        dictionary=load_dictionary_words(),
    )
    planted = [] if args.skip_planted else plant_all(units, args.per_rule, args.seed, ctx)

    if args.dry_run:
        dry_run(planted)
        return 0

    sunting = Sunting.open(args.bin)
    os.makedirs(args.out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="sunting-eval-")
    try:
        reports = []
        total_words = 0
        if not args.skip_clean:
            total_words, report = clean_pass(args, sunting, units, tmp, args.out)
            reports.append(report)
        if not args.skip_planted:
            reports.append(planted_pass(args, sunting, planted, tmp, args.out))
        text = "\n\n".join(reports)
        text += f"\n\ntotal words checked (clean pass): {total_words:,}"
        text += "\ncommand: " + shlex.join([os.path.relpath(sys.argv[0])] + sys.argv[1:])
        print(text)
        with open(os.path.join(args.out, "summary.txt"), "w", encoding="utf-8") as f:
            f.write(text + "\n")
    finally:
        if args.keep_tmp:
            print(f"temporary files kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        sys.exit(0)
