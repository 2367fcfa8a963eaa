# SPDX-License-Identifier: GPL-2.0-only
#
# Shared by the toolstack's integration tests (sourced, not run): an hvmd
# on temporary directories, "ok"/"FAIL" checks counted for the closing
# "N passed, N failed" line, bounded waits and log excerpts.
#
# The sourcing test sets nothing; it gets $build, $hvmctl, $hvmd, $work
# (removed at exit), HVMCTL_SOCKET, linux_guest_checks (the test Linux
# guest's SMP and clock checks, tests/lib/linux-guest-checks.sh), and may
# set $cleanup_extra to a function run first at exit.
set -u
. "${HVM_SOURCE_DIR:?HVM_SOURCE_DIR is not set; run through run-integration}/tests/lib/linux-guest-checks.sh"

build=${HVM_BUILD_DIR:?HVM_BUILD_DIR is not set; run through run-integration}
hvmctl=$build/toolstack/hvmctl/hvmctl
hvmd=$build/toolstack/hvmd/hvmd
work=$(mktemp -d /tmp/hvm-ts.XXXXXX) || exit 1
export HVMCTL_SOCKET="$work/run/hvmd.sock"
hpid=""
passed=0
failed=0
cleanup_extra=""

start_hvmd()
{
	"$hvmd" --foreground --state-dir "$work/state" --log-dir "$work/log" \
		--run-dir "$work/run" "$@" >> "$work/hvmd.log" 2>&1 &
	hpid=$!
	wait_for 300 "$hvmctl" list
}

lib_cleanup()
{
	[ -n "$cleanup_extra" ] && "$cleanup_extra"
	for d in $("$hvmctl" list 2>/dev/null | awk 'NR > 1 {print $1}'); do
		"$hvmctl" destroy "$d" > /dev/null 2>&1
	done
	[ -n "$hpid" ] && kill "$hpid" 2>/dev/null && wait "$hpid" 2>/dev/null
	# hvm-xenstored outlives hvmd on purpose; this test's goes now.
	xs=$(sed -n 's/.*started hvm-xenstored (pid \([0-9]*\)).*/\1/p' "$work/hvmd.log" 2>/dev/null)
	for p in $xs; do kill "$p" 2>/dev/null; done
	rm -rf "$work"
}
trap lib_cleanup EXIT

t_start=$(date +%s)

# check DESC COMMAND...: one "ok"/"FAIL" line, with the seconds since the
# test began, so a slow step shows where the time went.
check()
{
	desc=$1
	shift
	if "$@"; then
		echo "ok   $desc [$(($(date +%s) - t_start)) s]"
		passed=$((passed + 1))
	else
		echo "FAIL $desc [$(($(date +%s) - t_start)) s]"
		failed=$((failed + 1))
	fi
}

# wait_for TENTHS COMMAND...: until COMMAND succeeds or TENTHS tenths of
# a second have passed. The bound is wall-clock time, not a try count: in
# the test host one hvmctl call can take longer than the pause, and a wait
# must end before the test host's own bound so the test can still say what
# it saw. It looks every 0.1 s for the first second, then every second:
# in the test host one hvmctl call (ASan, under TCG) costs about 0.28 s of
# CPU, so looking 10 times a second for minutes took most of one of the
# test host's two CPUs away from the guest it waited for.
wait_for()
{
	local deadline=$(($(date +%s) + ($1 + 9) / 10)) tries=0
	shift
	while ! "$@" > /dev/null 2>&1; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		tries=$((tries + 1))
		if [ "$tries" -le 10 ]; then sleep 0.1; else sleep 1; fi
	done
}

# show FILE [LINES]: the end of a file, indented, for the reader of a log.
show()
{
	echo "--- $1:"
	# awk ends the last line even when the file does not (a serial log).
	awk '{print "    " $0}' "$1" 2>/dev/null | tail -n "${2:-60}"
}

listed()
{
	"$hvmctl" list > "$work/list" 2>&1 && grep -Eq "$1" "$work/list"
}

not_listed()
{
	"$hvmctl" list > "$work/list" 2>&1 && ! grep -q "^$1 " "$work/list"
}

alive()
{
	kill -0 "$1" 2>/dev/null
}

domid_of()
{
	"$hvmctl" domid "$1" 2>/dev/null
}

# state_of NAME KEY: a key of hvmd's state file of the domain.
state_of()
{
	sed -n "s/^$2=//p" "$work/state/$1.state" 2>/dev/null
}

pid_of()
{
	state_of "$1" domain_pid
}

# qemu_pid_of NAME: the pid of the domain's QEMU (-xen-domid N), found in
# /proc (the test host's busybox has no pgrep).
qemu_pid_of()
{
	local d p
	d=$(domid_of "$1")
	for p in /proc/[0-9]*; do
		# A process may exit meanwhile: no message for its cmdline.
		{ tr '\0' ' ' < "$p/cmdline"; } 2>/dev/null | grep -q -- "-xen-domid $d " &&
			echo "${p#/proc/}" && return 0
	done
	return 1
}

# show_vcpu0 NAME: pauses domain NAME and shows vCPU 0's registers, the
# real-mode interrupt table and BIOS data area (1280 bytes from 0) and
# 2 KiB from SS:0: where a guest that went astray in the BIOS was.
show_vcpu0()
{
	local c ss

	c=$work/run/$(domid_of "$1")/ctl
	rm -f "$work/regs"
	"$build/tests/tools/hvm-ctl-cmd" "$c" pause > /dev/null 2>&1 &&
		"$build/tests/tools/hvm-ctl-cmd" "$c" regs 0 > "$work/regs" 2>&1
	[ -f "$work/regs" ] || echo "    (could not pause $1 through $c)"
	sed 's/^/    vCPU 0: /' "$work/regs" 2>/dev/null
	"$build/tests/tools/hvm-ctl-cmd" "$c" peek 0 1280 2>&1 | sed 's/^/    RAM /'
	ss=$(sed -n 's/.* ss=\(0x[0-9a-f]*\).*/\1/p' "$work/regs" 2>/dev/null)
	[ -n "$ss" ] && "$build/tests/tools/hvm-ctl-cmd" "$c" peek $((ss * 16)) 2048 2>&1 |
		sed 's/^/    stack /'
}

# has FILE TEXT: FILE holds the fixed string TEXT.
has()
{
	grep -qF -- "$2" "$1" 2>/dev/null
}

finish()
{
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
