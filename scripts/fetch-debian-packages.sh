#!/usr/bin/env bash
# Fetches Debian 12 (bookworm) arm64 packages and their whole dependency closure, and
# unpacks them into a guest tree for `tsqemu-aarch64 -L <tree>` (tests/debian/).
#
#   scripts/fetch-debian-packages.sh [--force]
#
# Everything lives under .cache/debian-arm64/ (git-ignored): apt/ (a private apt state:
# the host's dpkg database and architectures are left alone), debs/ and root/ (the tree).
# A second run with the same package list returns at once. No root needed, only apt-get,
# dpkg-deb and the Debian archive keyring (/usr/share/keyrings/debian-archive-keyring.gpg).
# DEBIAN_MIRROR overrides http://deb.debian.org.
set -euo pipefail

# The programs the tests run; apt adds what they depend on (no Recommends).
PACKAGES=(
  busybox-static dash bash coreutils findutils grep sed diffutils gzip xz-utils tar
  sqlite3 perl python3 base-passwd
)
# Bump when the way the tree is built changes, so existing trees are rebuilt.
LAYOUT_VERSION=2

repo=$(cd "$(dirname "$0")/.." && pwd)
cache="$repo/.cache/debian-arm64"
tree="$cache/root"
stamp="$tree/.tsqemu-packages"
mirror=${DEBIAN_MIRROR:-http://deb.debian.org}
wanted="layout $LAYOUT_VERSION mirror $mirror packages ${PACKAGES[*]}"

if [[ ${1:-} != --force && -f $stamp && $(head -n1 "$stamp") == "$wanted" ]]; then
  echo "Debian arm64 tree is up to date: $tree"
  exit 0
fi

# A private apt configuration: bookworm's arm64 indexes only, an empty dpkg status (so
# the closure is complete, as on an empty system), downloads into our own cache.
apt_dir="$cache/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial" "$apt_dir/etc/preferences.d"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
cat >"$apt_dir/etc/sources.list" <<EOF
deb [arch=arm64 signed-by=$keyring] $mirror/debian bookworm main
deb [arch=arm64 signed-by=$keyring] $mirror/debian bookworm-updates main
deb [arch=arm64 signed-by=$keyring] $mirror/debian-security bookworm-security main
EOF
sandbox_user=_apt
[[ $(id -u) -eq 0 ]] || sandbox_user=$(id -un)
cat >"$apt_dir/apt.conf" <<EOF
APT::Architecture "arm64";
APT::Architectures { "arm64"; };
APT::Install-Recommends "false";
APT::Sandbox::User "$sandbox_user";
Dir::Etc::sourcelist "$apt_dir/etc/sources.list";
Dir::Etc::sourceparts "-";
Dir::Etc::preferencesparts "$apt_dir/etc/preferences.d";
Dir::State "$apt_dir";
Dir::State::Lists "$apt_dir/lists";
Dir::State::status "/dev/null";
Dir::Cache "$apt_dir";
Dir::Cache::archives "$apt_dir/archives";
Debug::NoLocking "true";
EOF
export APT_CONFIG="$apt_dir/apt.conf"

echo "Updating the bookworm arm64 package indexes..."
apt-get update -qq
echo "Downloading ${PACKAGES[*]} and their dependencies..."
apt-get install -qq --download-only -y "${PACKAGES[@]}" >/dev/null

# The closure as apt resolved it: "name version" lines, also the tree's manifest.
manifest=$(apt-get install -s -y "${PACKAGES[@]}" | awk '/^Inst /{print $2, substr($3, 2)}' | sort)

echo "Unpacking into $tree..."
staging="$tree.new"
rm -rf "$staging"
mkdir -p "$staging"
while read -r name version; do
  debs=("$apt_dir/archives/${name}_${version/:/%3a}_"*.deb)
  [[ -f ${debs[0]} ]] || { echo "missing .deb for $name $version" >&2; exit 1; }
  dpkg-deb -x "${debs[0]}" "$staging"
done <<<"$manifest"

# What the maintainer scripts of an installed Debian 12 would have made:
# a merged /usr (bin, sbin, lib are symlinks into usr/), /bin/sh -> dash, awk -> mawk
# (the alternatives system's default) and the base-passwd users and groups.
for dir in bin sbin lib; do
  if [[ -d $staging/$dir && ! -L $staging/$dir ]]; then
    mkdir -p "$staging/usr/$dir"
    cp -a "$staging/$dir/." "$staging/usr/$dir/"
    rm -rf "${staging:?}/$dir"
  fi
  ln -sfn "usr/$dir" "$staging/$dir"
done
ln -sfn dash "$staging/usr/bin/sh"
ln -sfn mawk "$staging/usr/bin/awk"
cp "$staging/usr/share/base-passwd/passwd.master" "$staging/etc/passwd"
cp "$staging/usr/share/base-passwd/group.master" "$staging/etc/group"

{ echo "$wanted"; echo "$manifest"; } >"$staging/.tsqemu-packages"
rm -rf "$tree"
mv "$staging" "$tree"
echo "Debian arm64 tree ready: $tree ($(wc -l <<<"$manifest") packages)"
