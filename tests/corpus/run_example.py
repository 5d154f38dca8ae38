#!/usr/bin/env python3
"""Extract the Implementation Example of one pattern file and run it.

Exit 0 when the example runs green within the time limit with the network blocked; otherwise print
`path:line: reason` and exit 1. Used by ctest (one test per pattern) and by authors before committing.
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

TIME_LIMIT_S = 10
HEADING = re.compile(r"^##\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^(```+|~~~+)\s*(\S*)")

# Prepended to the example: any attempt to open a network connection fails loudly.
NO_NETWORK = """import socket as _s
def _blocked(*a, **k):
    raise RuntimeError("network access is not allowed in corpus examples")
_s.socket.connect = _blocked
_s.socket.connect_ex = _blocked
_s.create_connection = _blocked
del _s
"""


def python_blocks(lines):
    """Yield (first_line_number, code) for each ```python block in the Implementation Example section."""
    in_section = False
    fence = None
    start = 0
    body = []
    for number, line in enumerate(lines, 1):
        if fence is None:
            heading = HEADING.match(line)
            if heading:
                in_section = heading.group(1).strip().lower() == "implementation example"
                continue
            opening = FENCE.match(line)
            if opening:
                fence = opening.group(1)
                is_python = in_section and opening.group(2).lower() in ("python", "py", "python3")
                start, body = number + 1, ([] if is_python else None)
        elif line.strip().startswith(fence[0] * len(fence)) and line.strip().strip(fence[0]) == "":
            if body is not None:
                yield start, "\n".join(body) + "\n"
            fence = None
        elif body is not None:
            body.append(line)


def main(argv):
    if len(argv) != 2:
        print("usage: run_example.py PATTERN.md", file=sys.stderr)
        return 2
    path = Path(argv[1])
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks = list(python_blocks(lines))
    if len(blocks) != 1:
        print(f"{path}:1: expected exactly one python block under Implementation Example, found {len(blocks)}")
        return 1
    line, code = blocks[0]
    with tempfile.TemporaryDirectory() as workdir:
        script = Path(workdir) / "example.py"
        script.write_text(NO_NETWORK + code, encoding="utf-8")
        try:
            done = subprocess.run([sys.executable, "-I", str(script)], cwd=workdir, capture_output=True,
                                  text=True, timeout=TIME_LIMIT_S)
        except subprocess.TimeoutExpired:
            print(f"{path}:{line}: example did not finish within {TIME_LIMIT_S} s")
            return 1
    if done.returncode != 0:
        offset = NO_NETWORK.count("\n")
        print(f"{path}:{line}: example exited {done.returncode} (traceback lines are offset by {offset})")
        print(done.stdout[-2000:], done.stderr[-4000:], sep="\n")
        return 1
    print(f"{path}: example ran green")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
