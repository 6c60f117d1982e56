#!/usr/bin/env python3
"""Turns benchmark results into the tables, target checks and chart of BENCHMARKS.md.

    report.py jmh RESULTS.json [--chart FILE.svg] [--machine FILE] [--update BENCHMARKS.md]
    report.py path RESULTS.json [--machine FILE] [--update BENCHMARKS.md]
    report.py e2e RESULTS.tsv [--update BENCHMARKS.md]

`jmh` reads JMH's JSON output (run with -prof gc for bytes per operation); `path` reads a run of PathBenchmark
alone, for its own section; `e2e` reads the rounds e2e.sh wrote.
Each prints its markdown; with --update it also replaces the section of that name in BENCHMARKS.md, between
<!-- BEGIN name --> and <!-- END name -->. Python 3 standard library only.
"""

import argparse
import json
import math
import os
import re
import statistics
import sys
from pathlib import Path

PACKAGE = "io.github.corsstarter.benchmarks."

SCENARIO_ORDER = [
    "NO_ORIGIN", "SAME_ORIGIN", "ALLOWED_SIMPLE", "PREFLIGHT", "PREFLIGHT_WITH_HEADERS", "REJECTED_ORIGIN",
    "REJECTED_PREFLIGHT", "ORIGINS_1_LAST", "ORIGINS_1000_LAST", "ORIGINS_10000_LAST", "ORIGINS_100000_LAST",
    "ORIGINS_1_NONE", "ORIGINS_1000_NONE", "ORIGINS_10000_NONE", "ORIGINS_100000_NONE", "PATTERNS_100",
    "ADVERSARIAL_ORIGIN_8KB", "ADVERSARIAL_REQUEST_HEADERS_1MB",
]

SCENARIO_LABELS = {
    "NO_ORIGIN": "no Origin",
    "SAME_ORIGIN": "same-origin",
    "ALLOWED_SIMPLE": "allowed simple request",
    "PREFLIGHT": "allowed preflight",
    "PREFLIGHT_WITH_HEADERS": "allowed preflight with Access-Control-Request-Headers",
    "REJECTED_ORIGIN": "rejected origin",
    "REJECTED_PREFLIGHT": "rejected preflight (header not allowed)",
    "PATTERNS_100": "100 wildcard patterns, last matches",
    "ADVERSARIAL_ORIGIN_8KB": "adversarial: 8 KB Origin",
    "SHORT": "short path (/a/v1/items/42)",
    "LONG_8KB": "8 KB path of /a segments",
    "LONG_8KB_ENCODED": "8 KB path of /a segments, the last encoded, with a parameter",
    "ADVERSARIAL_REQUEST_HEADERS_1MB": "adversarial: 1 MB of commas in Access-Control-Request-Headers",
}

ALLOW_LIST = re.compile(r"ORIGINS_(\d+)_(LAST|NONE)")

# Bytes per operation below this are JMH's sampling noise of an allocation-free path.
ZERO_BYTES = 0.5

# "Microseconds, not milliseconds": the bound for an adversarial input.
REACTIVE_OVERHEAD_NS = 500
REACTIVE_OVERHEAD_BYTES = 300
ADVERSARIAL_BOUND_NS = 10_000

# "A few microseconds": the bound for choosing the rule set of an 8 KB path against the costliest patterns.
LONG_PATH_BOUND_NS = 5_000


def label(scenario):
    match = ALLOW_LIST.fullmatch(scenario)
    if match:
        size = int(match.group(1))
        origins = "1 origin" if size == 1 else f"{size:,} origins"
        return f"{origins}, " + ("last matches" if match.group(2) == "LAST" else "none matches")
    return SCENARIO_LABELS.get(scenario, scenario)


# --- JMH ---------------------------------------------------------------------------------------------------------

class Results:
    """Scores by (benchmark class, method, scenario)."""

    def __init__(self, runs):
        self.runs = runs
        self.scores = {}
        for run in runs:
            benchmark = run["benchmark"]
            if benchmark.startswith(PACKAGE):
                benchmark = benchmark[len(PACKAGE):]
            cls, method = benchmark.rsplit(".", 1)
            params = run.get("params", {})
            scenario = params.get("scenario", params.get("path", ""))
            primary = run["primaryMetric"]
            if primary["scoreUnit"] != "ns/op":
                sys.exit(f"{benchmark}: expected ns/op, got {primary['scoreUnit']}")
            allocation = None
            for name, metric in run.get("secondaryMetrics", {}).items():
                if name.lstrip("\u00b7") == "gc.alloc.rate.norm":
                    allocation = number_or_none(metric["score"])
            self.scores[(cls, method, scenario)] = {
                "ns": primary["score"],
                "error": number_or_none(primary["scoreError"]),
                "bytes": allocation,
            }

    def get(self, cls, method, scenario):
        return self.scores.get((cls, method, scenario))

    def scenarios(self, cls):
        present = {key[2] for key in self.scores if key[0] == cls}
        return [s for s in SCENARIO_ORDER if s in present] + sorted(present - set(SCENARIO_ORDER))


def number_or_none(value):
    """JMH writes "NaN" as a string where it has no number, such as the error of a single iteration."""
    number = float(value)
    return None if math.isnan(number) else number


def format_ns(value):
    if value is None:
        return "–"
    if value < 10:
        return f"{value:.2f}"
    if value < 1000:
        return f"{value:.1f}"
    return f"{value:,.0f}"


def format_bytes(value):
    if value is None:
        return "–"
    if value < ZERO_BYTES:
        return "0"
    return f"{value:,.0f}"


def format_ratio(value):
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:,.0f}×"
    return f"{value:.1f}×"


def ratio(spring, starter):
    if spring is None or starter is None or starter["ns"] <= 0:
        return None
    return spring["ns"] / starter["ns"]


def with_error(score):
    if score is None:
        return "–"
    if score["error"] is None:
        return format_ns(score["ns"])
    return f"{format_ns(score['ns'])} ± {format_ns(score['error'])}"


def engine_or_servlet_table(results, cls, with_floor):
    header = "| scenario | starter ns/op | Spring ns/op | Spring ÷ starter | starter B/op | Spring B/op |"
    rule = "|---|---:|---:|---:|---:|---:|"
    if with_floor:
        header += " doubles alone ns/op (B/op) |"
        rule += "---:|"
    lines = [header, rule]
    for scenario in results.scenarios(cls):
        starter = results.get(cls, "starter", scenario)
        spring = results.get(cls, "spring", scenario)
        row = (f"| {label(scenario)} | {with_error(starter)} | {with_error(spring)} "
               f"| {format_ratio(ratio(spring, starter))} "
               f"| {format_bytes(starter and starter['bytes'])} | {format_bytes(spring and spring['bytes'])} |")
        if with_floor:
            floor = results.get(cls, "withoutCors", scenario)
            row += (f" {format_ns(floor and floor['ns'])} ({format_bytes(floor and floor['bytes'])}) |"
                    if floor else " – |")
        lines.append(row)
    return lines


def net_ratio(results, scenario, starter_benchmark="starter"):
    """Spring ÷ starter on the reactive filter once the exchange's own time (withoutCors) is taken off both."""
    cls = "ReactiveFilterBenchmark"
    starter = results.get(cls, starter_benchmark, scenario)
    spring = results.get(cls, "spring", scenario)
    floor = results.get(cls, "withoutCors", scenario)
    if starter and spring and floor and starter["ns"] - floor["ns"] > 0:
        return (spring["ns"] - floor["ns"]) / (starter["ns"] - floor["ns"])
    return None


def reactive_table(results):
    cls = "ReactiveFilterBenchmark"
    lines = [
        "| scenario | starter ns/op | Spring ns/op | exchange alone ns/op | Spring ÷ starter | same, net of the exchange"
        " | starter B/op | Spring B/op | exchange alone B/op | starter, empty 403 ns/op (B/op) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for scenario in results.scenarios(cls):
        starter = results.get(cls, "starter", scenario)
        spring = results.get(cls, "spring", scenario)
        floor = results.get(cls, "withoutCors", scenario)
        net = net_ratio(results, scenario)
        empty = results.get(cls, "starterEmpty403", scenario) if scenario.startswith("REJECTED") else None
        lines.append(
            f"| {label(scenario)} | {with_error(starter)} | {with_error(spring)} | {with_error(floor)} "
            f"| {format_ratio(ratio(spring, starter))} | {format_ratio(net) if net is not None else 'n/a'} "
            f"| {format_bytes(starter and starter['bytes'])} | {format_bytes(spring and spring['bytes'])} "
            f"| {format_bytes(floor and floor['bytes'])} "
            f"| {with_error(empty) + ' (' + format_bytes(empty['bytes']) + ')' if empty else '–'} |")
    return lines


def path_table(results):
    cls = "PathBenchmark"
    lines = [
        "| path | starter ns/op | Spring's routing ns/op | Spring ÷ starter | starter B/op | Spring B/op |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for scenario in results.scenarios(cls):
        starter = results.get(cls, "starter", scenario)
        spring = results.get(cls, "springRouting", scenario)
        lines.append(
            f"| {label(scenario)} | {with_error(starter)} | {with_error(spring)} "
            f"| {format_ratio(ratio(spring, starter))} "
            f"| {format_bytes(starter and starter['bytes'])} | {format_bytes(spring and spring['bytes'])} |")
    return lines


def path_target(results):
    starter = results.get("PathBenchmark", "starter", "LONG_8KB")
    return ("8 KB path of /a segments, the costliest accepted patterns (decision)", f"≤ {LONG_PATH_BOUND_NS // 1000} µs",
            "–" if starter is None else f"{format_ns(starter['ns'])} ns",
            verdict(None if starter is None else starter["ns"] <= LONG_PATH_BOUND_NS))


def path_markdown(results, machine):
    lines = ["Environment of this run:", ""]
    lines += environment_lines(results.runs, machine)
    lines += ["", "| target | wanted | measured | verdict |", "|---|---|---|---|"]
    lines.append("| {} | {} | {} | {} |".format(*path_target(results)))
    lines += [""] + path_table(results)
    return "\n".join(lines) + "\n"


def verdict(ok):
    if ok is None:
        return "not measured"
    return "**met**" if ok else "**missed**"


def reactive_target_rows(results):
    """The reactive filter on Spring's Reactor Netty request and response, as ratios in one run: Spring ÷ starter on
    each filter's own cost (its time over the bare exchange, withoutCors), the whole-exchange ratio beside it."""
    cls = "ReactiveFilterBenchmark"
    rows = []

    def own_cost(name, scenarios, minimum, starter_benchmark="starter"):
        measured = []
        for scenario in scenarios:
            net = net_ratio(results, scenario, starter_benchmark)
            whole = ratio(results.get(cls, "spring", scenario), results.get(cls, starter_benchmark, scenario))
            if net is not None and whole is not None:
                measured.append((scenario, net, whole))
        text = (", ".join(f"{label(s)}: {format_ratio(n)} (whole exchange {format_ratio(w)})" for s, n, w in measured)
                if measured else "–")
        rows.append((f"{name} (reactive filter, own cost)", f"≥ {minimum:,}×", text,
                     verdict(all(n >= minimum for _, n, _ in measured) if measured else None)))

    own_cost("allowed simple request, Spring ÷ starter", ["ALLOWED_SIMPLE"], 3)
    own_cost("preflight, Spring ÷ starter", ["PREFLIGHT", "PREFLIGHT_WITH_HEADERS"], 3)
    own_cost("10,000 origins and 100 patterns, Spring ÷ starter", ["ORIGINS_10000_LAST", "PATTERNS_100"], 100)
    own_cost("refusals, Spring ÷ starter, the starter's 403 with its problem body", ["REJECTED_ORIGIN",
             "REJECTED_PREFLIGHT"], 1)
    own_cost("refusals, Spring ÷ starter, the starter answering Spring's empty 403", ["REJECTED_ORIGIN",
             "REJECTED_PREFLIGHT"], 1, "starterEmpty403")
    starter = results.get(cls, "starter", "ALLOWED_SIMPLE")
    floor = results.get(cls, "withoutCors", "ALLOWED_SIMPLE")
    if starter and floor:
        ns = starter["ns"] - floor["ns"]
        rows.append(("allowed simple request, starter over the bare exchange (time)", f"≤ {REACTIVE_OVERHEAD_NS} ns",
                     f"{format_ns(ns)} ns", verdict(ns <= REACTIVE_OVERHEAD_NS)))
        if starter["bytes"] is not None and floor["bytes"] is not None:
            extra = starter["bytes"] - floor["bytes"]
            rows.append(("allowed simple request, starter over the bare exchange (allocation)",
                         f"≤ {REACTIVE_OVERHEAD_BYTES} B", f"{format_bytes(extra)} B",
                         verdict(extra <= REACTIVE_OVERHEAD_BYTES)))
    return rows


def target_rows(results):
    rows = []

    def ratio_target(name, scenarios, minimum):
        for cls, level in (("EngineBenchmark", "decision"), ("ServletFilterBenchmark", "servlet filter"),
                           ("ReactiveFilterBenchmark", "reactive filter, net of the exchange")):
            measured = []
            for scenario in scenarios:
                if cls == "ReactiveFilterBenchmark":
                    value = net_ratio(results, scenario)
                else:
                    value = ratio(results.get(cls, "spring", scenario), results.get(cls, "starter", scenario))
                if value is not None:
                    measured.append((scenario, value))
            if not measured:
                rows.append((f"{name} ({level})", f"≥ {minimum:,}×", "–", verdict(None)))
                continue
            text = ", ".join(f"{label(s)}: {format_ratio(v)}" for s, v in measured)
            rows.append((f"{name} ({level})", f"≥ {minimum:,}×", text, verdict(all(v >= minimum for _, v in measured))))

    ratio_target("allowed simple request, Spring ÷ starter", ["ALLOWED_SIMPLE"], 5)
    ratio_target("preflight, Spring ÷ starter", ["PREFLIGHT", "PREFLIGHT_WITH_HEADERS"], 3)
    # The last origin matching is the case the target is about: Spring's list walk compares every entry. With no
    # match Spring mostly stops at a length mismatch, and the tables show that case too.
    ratio_target("10,000 origins, last matches, Spring ÷ starter", ["ORIGINS_10000_LAST"], 1000)
    ratio_target("100 patterns, Spring ÷ starter", ["PATTERNS_100"], 200)

    rows += reactive_target_rows(results)

    allocating = []
    measured = False
    for scenario in results.scenarios("EngineBenchmark"):
        score = results.get("EngineBenchmark", "starter", scenario)
        if score and score["bytes"] is not None:
            measured = True
            if score["bytes"] >= ZERO_BYTES:
                allocating.append(f"{label(scenario)}: {format_bytes(score['bytes'])} B/op")
    rows.append(("starter's decision allocates nothing, every scenario", "0 B/op",
                 "; ".join(allocating) if allocating else ("0 B/op everywhere" if measured else "–"),
                 verdict(not allocating if measured else None)))

    for cls, level in (("EngineBenchmark", "decision"), ("ServletFilterBenchmark", "servlet filter")):
        for match in ("LAST", "NONE"):
            scores = [(int(m.group(1)), results.get(cls, "starter", s)) for s in results.scenarios(cls)
                      if (m := ALLOW_LIST.fullmatch(s)) and m.group(2) == match]
            scores = [(size, score["ns"]) for size, score in scores if score]
            name = f"starter flat from 1 to 100,000 origins, {'last' if match == 'LAST' else 'none'} matches ({level})"
            if len(scores) < 2:
                rows.append((name, "slowest ÷ fastest ≤ 1.5", "–", verdict(None)))
                continue
            spread = max(v for _, v in scores) / min(v for _, v in scores)
            rows.append((name, "slowest ÷ fastest ≤ 1.5",
                         f"{spread:.2f} ({', '.join(f'{size:,}: {format_ns(v)} ns' for size, v in sorted(scores))})",
                         verdict(spread <= 1.5)))

    for scenario in ("ADVERSARIAL_ORIGIN_8KB", "ADVERSARIAL_REQUEST_HEADERS_1MB"):
        for cls, level in (("EngineBenchmark", "decision"), ("ServletFilterBenchmark", "servlet filter")):
            starter = results.get(cls, "starter", scenario)
            spring = results.get(cls, "spring", scenario)
            text = "–" if starter is None else f"{format_ns(starter['ns'])} ns (Spring: {format_ns(spring and spring['ns'])} ns)"
            rows.append((f"{label(scenario)} ({level})", f"< {ADVERSARIAL_BOUND_NS // 1000} µs", text,
                         verdict(None if starter is None else starter["ns"] < ADVERSARIAL_BOUND_NS)))
    rows.append(path_target(results))
    return rows


def environment_lines(runs, machine):
    first = runs[0]
    lines = [
        f"- JDK: {first.get('vmName', '?')} {first.get('jdkVersion', '?')} ({first.get('vmVersion', '?')}),"
        f" JMH {first.get('jmhVersion', '?')}",
        f"- JVM options: `{' '.join(first.get('jvmArgs', [])) or 'none'}`",
        f"- per benchmark: {first.get('forks')} fork(s), {first.get('warmupIterations')} warm-up iterations of"
        f" {first.get('warmupTime')}, {first.get('measurementIterations')} measured iterations of"
        f" {first.get('measurementTime')}, as JMH recorded it for the first benchmark (without overrides on the"
        f" command line, the servlet `withoutCors` floor runs 1 fork of 3 + 3 iterations)",
    ]
    if machine:
        lines.append("- machine: " + "; ".join(line.strip() for line in machine.splitlines() if line.strip()))
    return lines


def jmh_markdown(results, machine, chart):
    lines = ["Environment of this run:", ""]
    lines += environment_lines(results.runs, machine)
    lines += ["", "#### Targets", "", "| target | wanted | measured | verdict |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in target_rows(results)]
    if chart:
        lines += ["", "#### Time per request against allow-list size", "", f"![time per request against allow-list"
                  f" size, starter and Spring]({chart})"]
    lines += ["", "#### Decision alone (`EngineBenchmark`)", ""]
    lines += engine_or_servlet_table(results, "EngineBenchmark", with_floor=False)
    lines += ["", "#### Whole servlet filter (`ServletFilterBenchmark`)", ""]
    lines += engine_or_servlet_table(results, "ServletFilterBenchmark", with_floor=True)
    lines += ["", "#### Whole reactive filter (`ReactiveFilterBenchmark`)", ""]
    lines += reactive_table(results)
    lines += ["", "#### Choosing the rule set by path (`PathBenchmark`)", ""]
    lines += path_table(results)
    return "\n".join(lines) + "\n"


# --- chart -------------------------------------------------------------------------------------------------------

STARTER_COLOUR = "#1b7837"
SPRING_COLOUR = "#b2182b"


def svg_chart(results):
    panels = [("EngineBenchmark", "Decision alone"), ("ServletFilterBenchmark", "Whole servlet filter")]
    series_of = []
    for cls, title in panels:
        series = []
        for method, name, colour in (("starter", "starter", STARTER_COLOUR), ("spring", "Spring", SPRING_COLOUR)):
            for match, dash, what in (("LAST", "", "last origin matches"), ("NONE", "6,4", "no origin matches")):
                points = []
                for scenario in results.scenarios(cls):
                    m = ALLOW_LIST.fullmatch(scenario)
                    score = results.get(cls, method, scenario)
                    if m and m.group(2) == match and score:
                        points.append((int(m.group(1)), score["ns"]))
                if points:
                    series.append((f"{name}, {what}", colour, dash, sorted(points)))
        series_of.append((title, series))
    values = [ns for _, series in series_of for *_, points in series for _, ns in points]
    if not values:
        return None
    y_low = 10 ** math.floor(math.log10(min(values)))
    y_high = 10 ** math.ceil(math.log10(max(values)))
    if y_high == y_low:
        y_high *= 10
    x_low, x_high = 1, 100_000

    width, height = 980, 470
    panel_width, panel_height = 380, 320
    left_margins = [80, 560]
    top = 60
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{width / 2}" y="24" text-anchor="middle" font-size="16">'
           f'Time per request against allow-list size (log-log; lower is better)</text>']

    def x_of(left, size):
        return left + (math.log10(size) - math.log10(x_low)) / (math.log10(x_high) - math.log10(x_low)) * panel_width

    def y_of(ns):
        return top + panel_height - (math.log10(ns) - math.log10(y_low)) / (
            math.log10(y_high) - math.log10(y_low)) * panel_height

    for (title, series), left in zip(series_of, left_margins):
        out.append(f'<text x="{left + panel_width / 2}" y="{top - 12}" text-anchor="middle" font-size="14">'
                   f'{title}</text>')
        out.append(f'<rect x="{left}" y="{top}" width="{panel_width}" height="{panel_height}" fill="none" '
                   f'stroke="#444"/>')
        exponent = int(math.log10(y_low))
        while 10 ** exponent <= y_high:
            y = y_of(10 ** exponent)
            out.append(f'<line x1="{left}" x2="{left + panel_width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
            out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{ns_tick(10 ** exponent)}</text>')
            exponent += 1
        for size in (1, 10, 100, 1_000, 10_000, 100_000):
            x = x_of(left, size)
            out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + panel_height}" stroke="#eee"/>')
            out.append(f'<text x="{x:.1f}" y="{top + panel_height + 16}" text-anchor="middle">{size:,}</text>')
        out.append(f'<text x="{left + panel_width / 2}" y="{top + panel_height + 34}" text-anchor="middle">'
                   f'allowed origins</text>')
        out.append(f'<text transform="translate({left - 58},{top + panel_height / 2}) rotate(-90)" '
                   f'text-anchor="middle">time per request</text>')
        for name, colour, dash, points in series:
            path = " ".join(f"{x_of(left, size):.1f},{y_of(ns):.1f}" for size, ns in points)
            dash_attribute = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash_attribute}/>')
            for size, ns in points:
                out.append(f'<circle cx="{x_of(left, size):.1f}" cy="{y_of(ns):.1f}" r="3" fill="{colour}">'
                           f'<title>{name}: {size:,} origins, {format_ns(ns)} ns</title></circle>')
    legend_y = top + panel_height + 56
    legend = [("starter, last origin matches", STARTER_COLOUR, ""), ("starter, no origin matches", STARTER_COLOUR, "6,4"),
              ("Spring, last origin matches", SPRING_COLOUR, ""), ("Spring, no origin matches", SPRING_COLOUR, "6,4")]
    for index, (name, colour, dash) in enumerate(legend):
        x = 80 + index * 225
        dash_attribute = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<line x1="{x}" x2="{x + 30}" y1="{legend_y}" y2="{legend_y}" stroke="{colour}" '
                   f'stroke-width="2"{dash_attribute}/>')
        out.append(f'<text x="{x + 36}" y="{legend_y + 4}">{name}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def ns_tick(ns):
    if ns >= 1_000_000:
        return f"{ns / 1_000_000:g} ms"
    if ns >= 1_000:
        return f"{ns / 1_000:g} µs"
    return f"{ns:g} ns"


# --- end to end --------------------------------------------------------------------------------------------------

def e2e_markdown(path):
    rounds = {}
    settings = []
    for line in Path(path).read_text().splitlines():
        if line.startswith("# ") and "\t" not in line:
            settings.append(line[2:].strip())
        if not line.strip() or line.startswith("#"):
            continue
        stack, mode, _round, requests_per_second = line.split("\t")
        rounds.setdefault(stack, {}).setdefault(mode, []).append(float(requests_per_second))
    lines = [f"Run: `{setting}`" for setting in settings] + ([""] if settings else [])
    lines += ["| stack | CORS | requests/s, median of rounds | rounds | share of no-CORS throughput"
              " | share of the headers-only throughput |",
              "|---|---|---:|---|---:|---:|"]
    names = {"none": "none", "headers": "none, the starter's headers echoed", "spring": "Spring's filter",
             "starter": "this starter"}
    for stack, modes in rounds.items():
        medians = {mode: statistics.median(values) for mode, values in modes.items()}
        for mode in names:
            if mode not in modes:
                continue
            share = f"{medians[mode] / medians['none']:.1%}" if "none" in medians else "–"
            of_headers = (f"{medians[mode] / medians['headers']:.1%}"
                          if "headers" in medians and mode in ("spring", "starter") else "")
            each = ", ".join(f"{value:,.0f}" for value in modes[mode])
            lines.append(f"| {stack} | {names[mode]} | {medians[mode]:,.0f} | {each} | {share} | {of_headers} |")
    return "\n".join(lines) + "\n"


# --- output ------------------------------------------------------------------------------------------------------

def update_section(document, section, content):
    path = Path(document)
    text = path.read_text()
    begin, end = f"<!-- BEGIN {section} -->", f"<!-- END {section} -->"
    if begin not in text or end not in text:
        sys.exit(f"{document} has no {begin} ... {end} section")
    before, rest = text.split(begin, 1)
    _, after = rest.split(end, 1)
    path.write_text(f"{before}{begin}\n{content}{end}{after}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    jmh = commands.add_parser("jmh", help="JMH JSON to tables, target checks and chart")
    jmh.add_argument("results")
    jmh.add_argument("--chart", help="SVG file to write")
    jmh.add_argument("--machine", help="text file describing the machine")
    jmh.add_argument("--update", help="markdown file whose jmh-results section to replace")
    path = commands.add_parser("path", help="a JMH JSON of PathBenchmark alone to its table and target")
    path.add_argument("results")
    path.add_argument("--machine", help="text file describing the machine")
    path.add_argument("--update", help="markdown file whose path-results section to replace")
    e2e = commands.add_parser("e2e", help="e2e.sh rounds to a table")
    e2e.add_argument("results")
    e2e.add_argument("--update", help="markdown file whose e2e-results section to replace")
    arguments = parser.parse_args()

    if arguments.command == "jmh":
        results = Results(json.loads(Path(arguments.results).read_text()))
        if not results.runs:
            sys.exit(f"{arguments.results} holds no results")
        chart_link = None
        if arguments.chart:
            svg = svg_chart(results)
            if svg:
                Path(arguments.chart).write_text(svg)
                base = Path(arguments.update).parent if arguments.update else Path.cwd()
                chart_link = Path(os.path.relpath(Path(arguments.chart).resolve(), base.resolve())).as_posix()
        machine = Path(arguments.machine).read_text() if arguments.machine else None
        markdown = jmh_markdown(results, machine, chart_link)
        section = "jmh-results"
    elif arguments.command == "path":
        results = Results(json.loads(Path(arguments.results).read_text()))
        if not results.scenarios("PathBenchmark"):
            sys.exit(f"{arguments.results} holds no PathBenchmark results")
        machine = Path(arguments.machine).read_text() if arguments.machine else None
        markdown = path_markdown(results, machine)
        section = "path-results"
    else:
        markdown = e2e_markdown(arguments.results)
        section = "e2e-results"
    print(markdown, end="")
    if arguments.update:
        update_section(arguments.update, section, markdown)


if __name__ == "__main__":
    main()
