# SPDX-License-Identifier: GPL-2.0-only
#
# A flight recorder for a guest that hangs (sourced, not run): KVM's own
# tracepoints for exits, port I/O and injected interrupts and exceptions,
# recorded in a private tracefs instance so that nothing else using the
# tracer is disturbed. When a wait fails, kvm_trace_show prints what the
# vCPU did last, which no log of ours can show: a guest astray in real
# mode makes no exits to user space at all.
#
# kvm_trace_start quietly does nothing without root or tracefs (it mounts
# tracefs where nothing has, as in the test host); the test must not
# depend on it. Exits for host interrupts (SVM 0x60, VMX 1) are
# filtered out: a looping guest would otherwise fill the buffer with them
# long before a test gives up on it.
kvm_trace=""

kvm_trace_start()
{
	local t=/sys/kernel/tracing e

	[ "$(id -u)" = 0 ] || return 0
	[ -d $t/instances ] || mount -t tracefs nodev $t 2> /dev/null ||
		return 0
	[ -d $t/events/kvm ] || return 0
	kvm_trace=$t/instances/hvm-test.$$
	mkdir "$kvm_trace" 2> /dev/null || {
		kvm_trace=""
		return 0
	}
	echo 16384 > "$kvm_trace/buffer_size_kb"
	for e in kvm_exit kvm_pio kvm_mmio kvm_inj_virq kvm_inj_exception \
		kvm_pic_set_irq kvm_userspace_exit; do
		[ -d "$kvm_trace/events/kvm/$e" ] &&
			echo 1 > "$kvm_trace/events/kvm/$e/enable"
	done
	if grep -qw svm /proc/cpuinfo; then
		echo 'exit_reason != 96' > "$kvm_trace/events/kvm/kvm_exit/filter"
	else
		echo 'exit_reason != 1' > "$kvm_trace/events/kvm/kvm_exit/filter"
	fi
	return 0
}

# kvm_trace_show N: the last N events, indented like show's excerpts.
kvm_trace_show()
{
	[ -n "$kvm_trace" ] || return 0
	echo 0 > "$kvm_trace/tracing_on"
	echo "--- KVM trace, last $1 events:"
	grep -v '^#' "$kvm_trace/trace" | tail -n "$1" | sed 's/^/    /'
}

kvm_trace_stop()
{
	[ -n "$kvm_trace" ] || return 0
	echo 0 > "$kvm_trace/tracing_on"
	rmdir "$kvm_trace" 2> /dev/null
	kvm_trace=""
}
