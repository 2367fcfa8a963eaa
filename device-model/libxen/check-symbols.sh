#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Checks our Xen libraries against what Debian's Xen QEMU imports (and what
# Debian's libxenstore.so.4 imports from libxentoolcore): every versioned
# import must be exported by the file QEMU names, under the same version
# node; every library must carry its file name as soname, export nothing
# but Xen's API, and not need a sanitizer runtime. Finally QEMU must load
# with BIND_NOW against the directory and run "-version".
#
# Usage: check-symbols.sh LIBDIR QEMU [LIBXENSTORE]
set -eu

libdir=${1:?usage: check-symbols.sh LIBDIR QEMU [LIBXENSTORE]}
qemu=${2:?usage: check-symbols.sh LIBDIR QEMU [LIBXENSTORE]}
xenstore=${3:-}
ours='libxenctrl.so.4.17 libxendevicemodel.so.1 libxenforeignmemory.so.1 libxenevtchn.so.1 libxengnttab.so.1 libxentoolcore.so.1'
api='^(xc_|xendevicemodel_|xenforeignmemory_|xenevtchn_|xengnttab_|xengntshr_|xentoolcore_|xentoolcore__)'
bad=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
	echo "check-symbols: FAIL: $*"
	bad=$((bad + 1))
}

command -v readelf >/dev/null ||
	{ echo "check-symbols: readelf is missing; install binutils"; exit 1; }
[ -x "$qemu" ] ||
	{ echo "check-symbols: $qemu is missing; install qemu-system-xen"; exit 1; }

# Prints "FILE SYMBOL NODE" for each versioned import of ELF $1.
imports() {
	{ readelf -V -W "$1"; echo '@@SYMS@@'; readelf --dyn-syms -W "$1"; } |
	awk '
	/^@@SYMS@@/ { syms = 1; next }
	!syms && /Version needs section/ { need = 1; next }
	!syms && /section/ { need = 0 }
	!syms && need && /File:/ {
		for (i = 1; i <= NF; i++) if ($i == "File:") file = $(i + 1)
		next
	}
	!syms && need && /Name:/ {
		for (i = 1; i <= NF; i++) {
			if ($i == "Name:") name = $(i + 1)
			if ($i == "Version:") idx = $(i + 1)
		}
		lib[idx] = file; node[idx] = name
		next
	}
	syms && $7 == "UND" && $8 ~ /@/ {
		split($8, s, "@"); idx = $9; gsub(/[()]/, "", idx)
		if (idx in lib) print lib[idx], s[1], node[idx]
	}'
}

# Prints "SYMBOL NODE" for each defined, versioned export of ELF $1.
exports() {
	readelf --dyn-syms -W "$1" | awk '
	$7 != "UND" && $7 != "ABS" && $8 ~ /@/ {
		n = split($8, s, "@"); print s[1], s[n]
	}'
}

imports "$qemu" | grep '^libxen' | grep -v '^libxenstore\.so\.4 ' \
	>"$tmp/need" || true
if [ -n "$xenstore" ]; then
	[ -r "$xenstore" ] ||
		{ echo "check-symbols: $xenstore is missing; install libxenstore4"; exit 1; }
	imports "$xenstore" | grep '^libxentoolcore' >>"$tmp/need" || true
fi
nqemu=$(imports "$qemu" | grep -c '^libxen' || true)
nstore=$(imports "$qemu" | grep -c '^libxenstore\.so\.4 ' || true)
echo "check-symbols: $qemu imports $nqemu Xen symbols: $nstore from Debian's libxenstore.so.4, the rest from ours"
[ -s "$tmp/need" ] || fail "no Xen imports found in $qemu (readelf output not understood?)"

for f in $ours; do
	lib="$libdir/$f"
	if [ ! -e "$lib" ]; then
		fail "$lib does not exist"
		continue
	fi
	soname=$(readelf -d -W "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
	[ "$soname" = "$f" ] || fail "$f has soname '$soname'"
	if readelf -d -W "$lib" | grep -q 'NEEDED.*lib\(a\|ub\|t\)san'; then
		fail "$f needs a sanitizer runtime; QEMU is not sanitized"
	fi
	exports "$lib" >"$tmp/$f.exports"
	leak=$(awk '{ print $1 }' "$tmp/$f.exports" | grep -Ev "$api" || true)
	[ -z "$leak" ] || fail "$f exports non-API symbols: $(echo $leak)"
done

while read -r file sym node; do
	if grep -qx "$sym $node" "$tmp/$file.exports" 2>/dev/null; then
		echo "ok   $file $sym@$node"
	else
		seen=$(awk -v s="$sym" '$1 == s { print $2 }' \
			"$tmp/$file.exports" 2>/dev/null || true)
		if [ -n "$seen" ]; then
			fail "$file $sym@$node: exported as $sym@$seen"
		else
			fail "$file $sym@$node: missing"
		fi
	fi
done <"$tmp/need"
echo "check-symbols: checked $(wc -l <"$tmp/need") imports"

# QEMU is linked with BIND_NOW: loading it resolves every import.
resolved=$(LD_LIBRARY_PATH="$libdir" ldd "$qemu" 2>&1 || true)
for f in $ours; do
	echo "$resolved" | grep -q "$f => $libdir/$f" ||
		fail "QEMU does not load $f from $libdir: $(echo "$resolved" | grep "$f" || echo 'not listed')"
done
if out=$(LD_LIBRARY_PATH="$libdir" LD_BIND_NOW=1 "$qemu" -version 2>&1); then
	echo "check-symbols: QEMU runs with our libraries: $(echo "$out" | head -n 1)"
else
	fail "QEMU does not start with our libraries: $out"
fi

if [ "$bad" -ne 0 ]; then
	echo "check-symbols: $bad problems"
	exit 1
fi
echo "check-symbols: all imports resolved"
