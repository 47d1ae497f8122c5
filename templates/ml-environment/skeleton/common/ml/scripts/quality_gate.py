"""Fails the training run when the candidate model is worse than the baseline.

Reads two JSON files of metrics ({"auc": 0.91, ...}); a metric may drop by at
most --tolerance (absolute) before the gate fails.
"""
import argparse
import json
import sys


def compare(candidate, baseline, tolerance):
    failures = []
    for metric, base in baseline.items():
        value = candidate.get(metric)
        if value is None:
            failures.append(f"{metric}: missing from candidate metrics")
        elif value < base - tolerance:
            failures.append(f"{metric}: {value:.4f} < baseline {base:.4f} - {tolerance}")
    return failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidate", required=True)
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--tolerance", type=float, default=0.01)
    args = parser.parse_args()
    with open(args.candidate) as c, open(args.baseline) as b:
        failures = compare(json.load(c), json.load(b), args.tolerance)
    for failure in failures:
        print(f"quality gate: {failure}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
