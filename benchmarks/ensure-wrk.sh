#!/usr/bin/env bash
# Installs wrk, the HTTP load generator the end-to-end and soak scripts use, from Debian's packages when missing.
set -euo pipefail
if ! command -v wrk > /dev/null; then
	echo "Installing wrk (Debian package)"
	sudo=()
	[[ $(id -u) -eq 0 ]] || sudo=(sudo)
	"${sudo[@]}" apt-get update -q
	"${sudo[@]}" apt-get install -y -q wrk
fi
