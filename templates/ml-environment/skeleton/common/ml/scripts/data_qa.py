"""Basic data QA on a CSV: required columns present, no empty file, null ratio bounded."""
import argparse
import csv
import sys


def check(path, required, max_null_ratio):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        return [f"{path}: no rows"]
    problems = [f"{path}: missing column {c}" for c in required if c not in rows[0]]
    for column in rows[0]:
        nulls = sum(1 for r in rows if r[column] in ("", None))
        if nulls / len(rows) > max_null_ratio:
            problems.append(f"{path}: column {column} is {nulls / len(rows):.0%} empty")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--required", nargs="*", default=[])
    parser.add_argument("--max-null-ratio", type=float, default=0.05)
    args = parser.parse_args()
    problems = check(args.path, args.required, args.max_null_ratio)
    print("\n".join(problems) or "data QA passed")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
