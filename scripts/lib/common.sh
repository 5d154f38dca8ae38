# Shared by scripts/serve and scripts/test: Debian packages and the CMake build.
# shellcheck shell=bash

# Packages needed to build and serve; Markdown is rendered by GitHub's cmark fork with its extensions (tables,
# autolinks, strikethrough). `nodejs` (Debian 12's Node.js 18) runs the `npm ci` that installs the page's vendored
# browser code in web/vendor (mermaid, which draws the patterns' diagrams); pattern-searchd serves it with the page.
# zlib1g-dev: pattern-searchd gzips its answers (no other package here brings zlib's headers).
BUILD_PACKAGES=(build-essential cmake ninja-build pkg-config libxapian-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
                libboost-dev nlohmann-json3-dev libyaml-cpp-dev libcli11-dev libeigen3-dev zlib1g-dev nodejs)
# Extra packages for the test suite (clang and its runtime for the libFuzzer targets; neovim and curl for the
# Neovim plugin's tests; chromium for the browser tests. Node.js for the browser, editor and MCP tests comes with
# BUILD_PACKAGES; their npm packages are pinned in their lock files to versions that run on Node 18). npm is
# installed apart: see install_npm_packages.
TEST_PACKAGES=(libgtest-dev libgmock-dev python3 python3-yaml clang libclang-rt-14-dev neovim curl chromium)
# xapian-tcpsrv for the remote shard test.
TEST_PACKAGES+=(xapian-tools)
# Extra packages for bench/run (not part of scripts/test): Google Benchmark, SQLite for the FTS5 baseline,
# wrk, GNU time for peak RSS, and perf for the profiles behind any missed target.
BENCH_PACKAGES=(libbenchmark-dev libsqlite3-dev wrk time linux-perf)

# Installs whichever of the named Debian packages are missing (apt-get update only when needed).
ensure_packages() {
  local missing=()
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if ((${#missing[@]})); then
    echo "==> installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# install_npm_packages DIR...: `npm ci` in each DIR from its committed package-lock.json, skipped while the
# lock file is unchanged since the last install. Install scripts are not run: nothing here needs them, and
# optional native builds (vsce's keytar) would try to download.
install_npm_packages() {
  local dir stamp
  # Debian 12's nodejs has no npm, which is the separate `npm` package; a nodejs from elsewhere (NodeSource's,
  # say) carries its own npm and conflicts with Debian's, so the package is installed only when npm is missing.
  command -v npm >/dev/null || ensure_packages npm
  for dir in "$@"; do
    stamp="$dir/node_modules/.package-lock.sha256"
    if ! sha256sum --status -c "$stamp" 2>/dev/null; then
      echo "==> npm ci in $dir"
      (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
      sha256sum "$dir/package-lock.json" >"$stamp"
    fi
  done
}

# configure_build DIR [cmake args...]: configures (once) and builds DIR.
configure_build() {
  local dir=$1
  shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir"
}
