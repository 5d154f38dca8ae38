# Shared by scripts/serve and scripts/test: Debian packages and the CMake build.
# shellcheck shell=bash

# Packages needed to build and serve.
BUILD_PACKAGES=(build-essential cmake ninja-build pkg-config libxapian-dev libcmark-dev libboost-dev
                nlohmann-json3-dev libyaml-cpp-dev libcli11-dev)
# Extra packages for the test suite.
TEST_PACKAGES=(libgtest-dev libgmock-dev python3)

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

# configure_build DIR [cmake args...]: configures (once) and builds DIR.
configure_build() {
  local dir=$1
  shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir"
}
