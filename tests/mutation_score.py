"""Print the share of mutants killed, per mutated module and overall, from mutmut 3's results in mutants/.

Run by ``make mutation`` after ``mutmut run``; exits 1 when the overall share is below ``--target``.
"""

import argparse
import json
import sys
from pathlib import Path

KILLED = {1, 3, 37}  # a failing test, a pytest internal error, caught by the type check
NOT_RUN = {None, 2, 34}  # not checked, interrupted, skipped


def scores(mutants: Path) -> dict[str, tuple[int, int, list[str]]]:
    """Module path -> (killed, checked, names of surviving mutants)."""
    table = {}
    for meta in sorted(mutants.rglob("*.py.meta")):
        codes = json.loads(meta.read_text())["exit_code_by_key"]
        checked = {name: code for name, code in codes.items() if code not in NOT_RUN}
        survivors = sorted(name for name, code in checked.items() if code not in KILLED)
        table[str(meta.relative_to(mutants)).removesuffix(".meta")] = (len(checked) - len(survivors), len(checked), survivors)
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mutants", type=Path, default=Path("mutants"))
    parser.add_argument("--target", type=float, default=85.0, help="minimum overall share killed, in per cent")
    parser.add_argument("--survivors", action="store_true", help="also list the surviving mutants")
    args = parser.parse_args()
    table = scores(args.mutants)
    if not table:
        print(f"no mutmut results under {args.mutants}/", file=sys.stderr)
        return 1
    width = max(len(module) for module in table)
    for module, (killed, checked, survivors) in table.items():
        share = f"{100 * killed / checked:5.1f} %" if checked else "not run"
        print(f"{module:<{width}}  {killed:4d} of {checked:4d} killed  {share}")
        if args.survivors:
            print("".join(f"    survived: {name}\n" for name in survivors), end="")
    killed = sum(k for k, _, _ in table.values())
    checked = sum(c for _, c, _ in table.values())
    overall = 100 * killed / checked if checked else 100.0
    print(f"{'overall':<{width}}  {killed:4d} of {checked:4d} killed  {overall:5.1f} %  (target {args.target:.0f} %)")
    return 0 if overall >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
