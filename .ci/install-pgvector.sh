#!/usr/bin/env bash
# Builds pgvector for the local PostgreSQL 15 from Debian's own source package (Debian 12 has no binary
# package for it). Route verified in ../shared/STACK-NOTES.md; ~30 s. Leaves the system's apt lists alone.
set -euo pipefail
apt-get install -y -q postgresql-server-dev-15 dpkg-dev build-essential >/dev/null 2>&1 \
  || { apt-get update -q >/dev/null && apt-get install -y -q postgresql-server-dev-15 dpkg-dev build-essential >/dev/null; }
W=$(mktemp -d)
mkdir -p "$W/lists/partial" "$W/cache/archives/partial"
echo 'deb-src http://deb.debian.org/debian trixie main' > "$W/src.list"
O=(-o "Dir::Etc::SourceList=$W/src.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$W/lists" -o "Dir::Cache=$W/cache")
apt-get "${O[@]}" update >/dev/null
(cd "$W" && apt-get "${O[@]}" source pgvector >/dev/null 2>&1)
make -C "$W"/pgvector-*/ OPTFLAGS="" >/dev/null
make -C "$W"/pgvector-*/ install >/dev/null
rm -rf "$W"
echo "pgvector installed"
