#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Interop: Debian's xenstore-* tools (package xenstore-utils, linked with
# Debian's libxenstore.so.4) against hvm-xenstored on a temporary socket,
# which they find through XENSTORED_PATH (dm-abi.md 6.3). Covers write,
# read, ls (with permissions), list (long directories go through
# DIRECTORY_PART), rm, exists, chmod, watch (absolute and relative), the
# daemon's detach with --pid-file, and its clean stop on SIGTERM.
# Every tool runs under timeout(1), so nothing can hang.
#
# Usage: interop_test.sh PATH-TO-hvm-xenstored
set -u

daemon=${1:?usage: interop_test.sh PATH-TO-hvm-xenstored}
work=$(mktemp -d /tmp/hvm-xs-interop.XXXXXX)
pid=
passed=0
failed=0
T="timeout 30"

cleanup()
{
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null
	fi
	rm -rf "$work"
}
trap cleanup EXIT

for tool in xenstore-write xenstore-read xenstore-ls xenstore-list \
	xenstore-rm xenstore-exists xenstore-chmod xenstore-watch timeout; do
	if ! command -v "$tool" >/dev/null; then
		echo "interop: $tool is missing; install xenstore-utils and coreutils (scripts/install-deps)"
		exit 1
	fi
done

# check DESCRIPTION EXPECTED SEEN
check()
{
	if [ "$2" = "$3" ]; then
		passed=$((passed + 1))
		echo "ok   $1"
	else
		failed=$((failed + 1))
		echo "FAIL $1"
		echo "  expected:"
		printf '%s\n' "$2" | sed 's/^/    | /'
		echo "  saw:"
		printf '%s\n' "$3" | sed 's/^/    | /'
	fi
}

# Waits up to 5 s for FILE to have at least N lines.
# Waits up to 20 s until file $1 has $2 lines; the background writer may
# not even have created it yet.
wait_lines()
{
	i=0
	while [ $i -lt 200 ]; do
		[ "$(cat "$1" 2>/dev/null | wc -l)" -ge "$2" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
}

# Starts in the background; returns once the socket accepts clients.
if ! $T "$daemon" --socket "$work/socket" --pid-file "$work/pid" \
	2>"$work/log"; then
	echo "FAIL hvm-xenstored did not start; its log:"
	cat "$work/log"
	exit 1
fi
pid=$(cat "$work/pid")
export XENSTORED_PATH="$work/socket"

$T xenstore-write /vm/name web1 /vm/memory 512 2>&1
check "write two keys (exit status)" 0 $?
check "read" "$(printf 'web1\n512')" \
	"$($T xenstore-read /vm/name /vm/memory 2>&1)"
check "ls" "$(printf 'name = "web1"\nmemory = "512"')" \
	"$($T xenstore-ls /vm 2>&1)"
check "ls -f of the whole tree" \
	"$(printf '/tool = ""\n/tool/xenstored = ""\n/vm = ""\n/vm/name = "web1"\n/vm/memory = "512"')" \
	"$($T xenstore-ls -f / 2>&1)"

$T xenstore-write device-model/5/state running 2>&1
check "relative write lands under /local/domain/0" running \
	"$($T xenstore-read /local/domain/0/device-model/5/state 2>&1)"

$T xenstore-chmod /vm/name n0 r5 2>&1
check "chmod (exit status)" 0 $?
check "ls -p shows the new permissions" "n0,r5)" \
	"$($T xenstore-ls -p /vm 2>&1 | sed -n 's/^name = .*(/(/p' | cut -c2-)"

$T xenstore-rm /vm/memory 2>&1
check "rm (exit status)" 0 $?
$T xenstore-exists /vm/memory 2>/dev/null
check "exists after rm fails" 1 $?
$T xenstore-read /vm/memory >/dev/null 2>&1
check "read after rm fails" 1 $?
check "list after rm" name "$($T xenstore-list /vm 2>&1)"

# 300 names of 24 bytes do not fit one DIRECTORY reply (E2BIG):
# libxenstore falls back to DIRECTORY_PART.
args=
i=0
while [ $i -lt 300 ]; do
	args="$args /big/key-$(printf '%019d' $i) $i"
	i=$((i + 1))
done
# shellcheck disable=SC2086
$T xenstore-write $args 2>&1
check "write 300 keys in one transaction (exit status)" 0 $?
check "list of a directory longer than one message" "300 key-0000000000000000299" \
	"$($T xenstore-list /big 2>&1 | wc -l) $($T xenstore-list /big 2>&1 | tail -n 1)"

# The first event comes on registration; the second from our write.
$T xenstore-watch -n 2 /vm >"$work/watch" 2>&1 &
wpid=$!
wait_lines "$work/watch" 1
$T xenstore-write /vm/name web2 2>&1
wait "$wpid"
check "watch exits after 2 events (exit status)" 0 $?
check "watch events" "$(printf '/vm\n/vm/name')" "$(cat "$work/watch")"

# A relative watch reports relative paths.
$T xenstore-watch -n 2 device-model >"$work/watch" 2>&1 &
wpid=$!
wait_lines "$work/watch" 1
$T xenstore-rm /local/domain/0/device-model/5 2>&1
wait "$wpid"
check "relative watch events" "$(printf 'device-model\ndevice-model/5')" \
	"$(cat "$work/watch")"

# SIGTERM stops the daemon, which removes its socket.
kill "$pid"
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
kill -0 "$pid" 2>/dev/null
check "daemon stops on SIGTERM" 1 $?
pid=
check "socket removed" no "$([ -e "$work/socket" ] && echo yes || echo no)"

# Errors, and sanitizer reports (the daemon may be built with them).
if grep -qE '^xenstored: err|Sanitizer|runtime error' "$work/log"; then
	failed=$((failed + 1))
	echo "FAIL the daemon logged errors:"
	grep -E '^xenstored: err|Sanitizer|runtime error' "$work/log"
fi
echo "interop: $passed passed, $failed failed"
if [ "$failed" -ne 0 ]; then
	echo "daemon log:"
	cat "$work/log"
fi
[ "$failed" -eq 0 ]
