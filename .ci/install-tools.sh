#!/usr/bin/env bash
# Installs the Debian packages the tests need, only when something is missing. Idempotent.
set -euo pipefail
need=()
have() { dpkg-query -W -f '${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^ii'; }
for p in rpm python3-rpm python3-packaging libdpkg-perl debootstrap umoci skopeo docker-registry buildah zstd \
         golang-github-knqyf263-go-rpmdb-dev apache2-utils golang-go unzip binutils; do
  have "$p" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "ci: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi
