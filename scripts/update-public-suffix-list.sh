#!/usr/bin/env bash
# Refreshes the Public Suffix List that the starter ships
# (cors-spring-boot-autoconfigure/src/main/resources/META-INF/cors/public_suffix_list.dat), which refuses credentialed
# origin patterns over a public suffix such as https://*.github.io.
#
# The list is taken from Apache HttpClient 5's jar on Maven Central, fetched by Maven from the repositories it is
# configured with: HttpClient ships the list's own file, unchanged, licence header included. Pass a newer HttpClient
# version to take a newer list:
#
#   scripts/update-public-suffix-list.sh [httpclient5-version]
#
# then run the tests (mvn -pl cors-spring-boot-autoconfigure test -Dtest='PublicSuffixesTests,CorsPolicy*Tests') and
# commit the file with the list's VERSION line in the message.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:-5.6.5}"
target=cors-spring-boot-autoconfigure/src/main/resources/META-INF/cors/public_suffix_list.dat

for tool in mvn unzip; do
	command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
	-Dartifact="org.apache.httpcomponents.client5:httpclient5:$version" -DoutputDirectory="$work" \
	-Dmdep.stripVersion=true

# HttpClient 5.1 kept the list as mozilla/public-suffix-list.txt; later releases keep it under the list's own name.
found=""
for entry in org/publicsuffix/list/effective_tld_names.dat mozilla/public-suffix-list.txt; do
	if unzip -p "$work/httpclient5.jar" "$entry" >"$work/list.dat" 2>/dev/null && [ -s "$work/list.dat" ]; then
		found="$entry"
		break
	fi
done
if [ -z "$found" ]; then
	echo "httpclient5 $version holds no Public Suffix List at a known place" >&2
	exit 1
fi

# The starter relies on the licence header being kept and on both sections being there.
for marker in "This Source Code Form is subject to the terms of the Mozilla Public" "===BEGIN ICANN DOMAINS===" \
	"===END ICANN DOMAINS===" "===BEGIN PRIVATE DOMAINS===" "===END PRIVATE DOMAINS==="; do
	grep -qF "$marker" "$work/list.dat" || { echo "$found in httpclient5 $version lacks '$marker'" >&2; exit 1; }
done

cp "$work/list.dat" "$target"
echo "Updated $target from $found in httpclient5 $version:"
grep -m2 -E '^// (VERSION|COMMIT):' "$target" || echo "(the list has no VERSION line)"
