"""The SQL the mixins write (SQLite's), as PostgreSQL runs it, with the same results.

Each statement is rewritten once (cached): ``?`` placeholders become ``%s`` (and a
literal ``%`` ``%%``); ``INSERT OR IGNORE``/``OR REPLACE`` become ``ON CONFLICT``
clauses on the table's primary key; ``LIKE`` is ``ILIKE`` (SQLite's LIKE ignores ASCII
case, and the text columns' "C" collation folds only ASCII); every ``ORDER BY`` term
puts NULLs where SQLite does (first ascending, last descending), and rows of one table
that tie come in the order they were inserted (each table keeps SQLite's rowid as a
column); ``LIMIT ?`` with -1
means no limit; ``json_array_length``, ``GLOB`` and ``date(x, '+N day')`` get their
PostgreSQL equivalents. String literals are left as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LITERAL = re.compile(r"'(?:[^']|'')*'")
_INSERT = re.compile(r"^\s*INSERT OR (IGNORE|REPLACE) INTO (\w+)\s*(\(([^)]*)\))?", re.S)
_LIKE = re.compile(r"\bLIKE\b")
_LIMIT = re.compile(r"\bLIMIT \?")
_JSON_LEN = re.compile(r"json_array_length\(([\w.]+)\)")
_DATE_ADD = re.compile(r"\bdate\(((?:[^()]|\([^()]*\))*), (\x00\d+\x00)\)")
_DAYS = re.compile(r"^'\+(\d+) days?'$")
_GLOB = re.compile(r"\bGLOB (\x00\d+\x00)")
_ORDER = re.compile(r"\bORDER BY\b")
_INSERT_INTO = re.compile(r"^\s*INSERT INTO (\w+)\b")


@dataclass
class Schema:
    """What the rewrites need to know of the tables: columns in order, primary keys,
    and the tables with an identity ``id`` (SQLite's AUTOINCREMENT)."""

    columns: dict[str, list[str]] = field(default_factory=dict)
    keys: dict[str, list[str]] = field(default_factory=dict)
    identity: set[str] = field(default_factory=set)


def _glob_regex(glob: str) -> str:
    """A GLOB pattern (character classes, ``*``, ``?``) as an anchored POSIX regex."""
    out = []
    i = 0
    while i < len(glob):
        ch = glob[i]
        if ch == "[":
            end = glob.index("]", i + 1)
            out.append(glob[i : end + 1])
            i = end + 1
            continue
        out.append(".*" if ch == "*" else "." if ch == "?" else re.escape(ch))
        i += 1
    return "^" + "".join(out) + "$"


def _split_top(text: str) -> list[str]:
    """``text`` split at the commas outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _nulls(term: str) -> str:
    stripped = term.strip()
    if "NULLS" in stripped.upper():
        return term
    if stripped.upper().endswith(" DESC"):
        return f" {stripped} NULLS LAST"
    return f" {stripped} NULLS FIRST"


def _order_nulls(sql: str) -> str:
    """Each ORDER BY term with SQLite's NULL placement."""
    out = []
    pos = 0
    for m in _ORDER.finditer(sql):
        if m.start() < pos:
            continue
        start = m.end()
        depth = 0
        end = len(sql)
        i = start
        while i < len(sql):
            ch = sql[i]
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    end = i
                    break
                depth -= 1
            elif depth == 0 and re.match(r"\s(LIMIT|OFFSET|UNION|FOR)\b", sql[i:]):
                end = i
                break
            i += 1
        clause = ",".join(_nulls(t) for t in _split_top(sql[start:end]))
        out.append(sql[pos:start] + clause)
        pos = end
    out.append(sql[pos:])
    return "".join(out)


def _blank(sql: str) -> str:
    """``sql`` with what is inside parentheses blanked (same length): its top level."""
    out, depth = [], 0
    for ch in sql:
        if ch == ")":
            depth -= 1
        out.append(ch if depth == 0 or ch in "()" else " ")
        if ch == "(":
            depth += 1
    return "".join(out)


_AGGREGATE = re.compile(r"\b(JOIN|GROUP BY|UNION|DISTINCT|COUNT|MIN|MAX|SUM)\b")
_FROM = re.compile(r"\bFROM (\w+)(?: (?!WHERE\b|ORDER\b|LIMIT\b|GROUP\b)(\w+))?")
_TAIL = re.compile(r"\s(LIMIT|OFFSET)\b")


def _tiebreak(sql: str, schema: Schema) -> str:
    """A select of one table's rows in SQLite's order where it leaves one open: rows
    that tie (or every row, without ORDER BY) in the order they were inserted (rowid)."""
    top = _blank(sql)
    if not top.lstrip().startswith("SELECT") or _AGGREGATE.search(top):
        return sql
    m = _FROM.search(top)
    if m is None or "rowid" not in schema.columns.get(m.group(1), ()):
        return sql
    col = f"{m.group(2)}.rowid" if m.group(2) else "rowid"
    order = _ORDER.search(top)
    tail = _TAIL.search(top, order.end() if order else m.end())
    at = tail.start() if tail else len(sql)
    return sql[:at] + (f", {col}" if order else f" ORDER BY {col}") + sql[at:]


def _upsert(verb: str, table: str, cols: list[str], schema: Schema) -> str:
    if verb == "IGNORE":
        return " ON CONFLICT DO NOTHING"
    keys = schema.keys[table]
    names = [c.strip().strip('"') for c in cols] if cols else schema.columns[table]
    sets = [f'"{c}" = EXCLUDED."{c}"' for c in names if c not in keys and c != "rowid"]
    if "rowid" in schema.columns[table]:
        sets.append("rowid = DEFAULT")  # SQLite's REPLACE deletes, then inserts: a new rowid
    conflict = ", ".join(f'"{k}"' for k in keys)
    if not sets:
        return f" ON CONFLICT ({conflict}) DO NOTHING"
    return f" ON CONFLICT ({conflict}) DO UPDATE SET {', '.join(sets)}"


def translate(sql: str, schema: Schema, params: bool, returning: bool = False) -> str:
    """``sql`` (SQLite's, with ``?``) as PostgreSQL runs it; ``params``: whether it is
    run with parameters (then ``%`` is escaped); ``returning``: an insert into a table
    with an identity ``id`` returns it."""
    literals: list[str] = []

    def keep(m: re.Match[str]) -> str:
        literals.append(m.group(0))
        return f"\x00{len(literals) - 1}\x00"

    body = _LITERAL.sub(keep, sql)
    suffix = ""
    m = _INSERT.match(body)
    if m:
        verb, table, cols = m.group(1), m.group(2), m.group(4)
        suffix = _upsert(verb, table, _split_top(cols) if cols else [], schema)
        body = body.replace(f"INSERT OR {verb} INTO", "INSERT INTO", 1)
    body = _LIKE.sub("ILIKE", body)
    body = _LIMIT.sub("LIMIT NULLIF(?, -1)", body)
    body = _JSON_LEN.sub(r"json_array_length((\1)::json)", body)

    def date_add(d: re.Match[str]) -> str:
        days = _DAYS.match(literals[int(d.group(2).strip("\x00"))])
        if days is None:
            raise ValueError(f"no PostgreSQL twin of {d.group(0)!r}")
        return f"dossier_date_add({d.group(1)}, {days.group(1)})"

    body = _DATE_ADD.sub(date_add, body)

    def glob(g: re.Match[str]) -> str:
        pattern = literals[int(g.group(1).strip("\x00"))][1:-1].replace("''", "'")
        literals.append("'" + _glob_regex(pattern).replace("'", "''") + "'")
        return f"~ \x00{len(literals) - 1}\x00"

    body = _GLOB.sub(glob, body)
    body = _order_nulls(_tiebreak(body, schema))
    body += suffix
    if returning:
        target = _INSERT_INTO.match(body)
        if target and target.group(1) in schema.identity:
            body += " RETURNING id"
    if params:
        body = body.replace("%", "%%").replace("?", "%s")
        literals = [lit.replace("%", "%%") for lit in literals]
    return re.sub("\x00(\\d+)\x00", lambda x: literals[int(x.group(1))], body)
