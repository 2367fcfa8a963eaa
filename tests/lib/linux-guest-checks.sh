# SPDX-License-Identifier: GPL-2.0-only
#
# Checks on what the test Linux guest's init (tests/images/linux/init)
# reports about SMP and its clock, for every test that boots it. Source it
# from a test that defines check DESCRIPTION COMMAND... (ok/FAIL lines).
#
# linux_guest_checks SERIAL_LOG NCPUS:
#  - the guest sees NCPUS CPUs and runs on the Xen clocksource;
#  - the CPU-bound job ran to completion on every CPU;
#  - with more than one CPU, CPU 1 went offline and online through sysfs;
#  - its clock kept within 1 % of the host's (the RTC, QEMU's, on the
#    host clock) over the clock check, and sleep 1 took 1.00-1.10 s. What
#    is timed is the shell's loop around the sleep, with the wakeup
#    latency of the nested test host: 1.026-1.048 s per sleep when KVM
#    there used nested paging, 1.050-1.052 s with shadow paging, its
#    default now. A Xen timer that fires late or a clock that runs slow
#    shows far above 1.10 s (the bug this caught ran 6x slow).

# lg_value LOG SED_EXPR: the first value the expression prints.
lg_value()
{
	sed -n "$2" "$1" | head -n 1
}

# lg_within VALUE LOW HIGH: LOW <= VALUE <= HIGH, integers.
lg_within()
{
	[ -n "$1" ] && [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]
}

linux_guest_checks()
{
	lg_log=$1
	lg_n=$2
	lg_cs=$(lg_value "$lg_log" 's/.*HVM-LINUX: clocksource \([a-z_0-9-]*\).*/\1/p')
	check "the guest sees $lg_n CPUs" grep -q "HVM-LINUX: cpus $lg_n\b" "$lg_log"
	check "the guest's clocksource is xen (saw ${lg_cs:-none})" test "$lg_cs" = xen
	lg_jobs=$(grep -c "HVM-LINUX: cpu job on cpu [0-9]* done" "$lg_log")
	check "the CPU-bound job finished on all $lg_n CPUs ($lg_jobs)" test "$lg_jobs" -eq "$lg_n"
	grep "HVM-LINUX: cpu job on cpu" "$lg_log" | sed 's/^/    /'
	if [ "$lg_n" -gt 1 ]; then
		lg_all=0-$((lg_n - 1))
		case "$lg_n" in
		2) lg_rest=0 ;;
		3) lg_rest=0,2 ;;
		*) lg_rest=0,2-$((lg_n - 1)) ;;
		esac
		check "CPU 1 went offline through sysfs (cpus $lg_rest)" grep -q "HVM-LINUX: cpu1 offline, online cpus $lg_rest\([^,0-9-]\|$\)" "$lg_log"
		check "and online again (cpus $lg_all)" grep -q "HVM-LINUX: cpu1 online again, online cpus $lg_all\b" "$lg_log"
	fi
	lg_guest=$(lg_value "$lg_log" 's/.*HVM-LINUX: clock: guest \([0-9]*\) cs in [0-9]* s of host time.*/\1/p')
	lg_host=$(lg_value "$lg_log" 's/.*HVM-LINUX: clock: guest [0-9]* cs in \([0-9]*\) s of host time.*/\1/p')
	lg_host_cs=$((${lg_host:-0} * 100))
	check "the guest clock ran ${lg_guest:-?} cs in ${lg_host:-?} s of host time (within 1 %)" \
		lg_within "${lg_guest:-x}" $((lg_host_cs - lg_host_cs / 100)) $((lg_host_cs + lg_host_cs / 100))
	lg_sleeps=$(lg_value "$lg_log" 's/.*HVM-LINUX: clock: \([0-9]*\) x sleep 1 took [0-9]* cs.*/\1/p')
	lg_slept=$(lg_value "$lg_log" 's/.*HVM-LINUX: clock: [0-9]* x sleep 1 took \([0-9]*\) cs.*/\1/p')
	check "sleep 1 took 1.00-1.10 s (${lg_sleeps:-?} took ${lg_slept:-?} cs)" \
		lg_within "${lg_slept:-x}" $((${lg_sleeps:-0} * 100)) $((${lg_sleeps:-0} * 110))
	check "the clock check ran for 60 s or more" lg_within "${lg_host:-0}" 60 100000
}
