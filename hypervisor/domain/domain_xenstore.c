/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The guest's xenstore ring, set up as libxl's domain builder does before
 * the guest runs: the ring is special page 4 (GMEM_XENSTORE_PFN, zeroed,
 * which the ring protocol reads as "connected, empty"), its event channel
 * a port of the guest allocated unbound for domain 0, and both are left in
 * HVM_PARAM_STORE_PFN and HVM_PARAM_STORE_EVTCHN, where the guest's
 * xenbus finds them and hvmd reads them (CTL_OP_GET_PARAM) for
 * XS_INTRODUCE. hvm-xenstored then maps the page and binds the port
 * through the control socket like any backend.
 * The PV console's ring is built the same way on special page 7
 * (GMEM_CONSOLE_PFN, HVM_PARAM_CONSOLE_PFN/EVTCHN), where Linux's
 * hvc_xen finds it; QEMU's console backend serves it as libxl's
 * xenconsoled would.
 */
#include "domain_priv.h"

#include <errno.h>
#include <string.h>
#include <xen/hvm/params.h>

#include "hypervisor/gmem.h"
#include "hypervisor/hcall.h"
#include "hypervisor/log.h"

/*
 * One ring: the page at @pfn zeroed, a port allocated unbound for domain
 * 0, both left in the parameters @pfn_param and @port_param.
 */
static int ring_init(struct domain *d, const char *what, uint64_t pfn,
		     unsigned int pfn_param, unsigned int port_param)
{
	void *page;
	long port;
	int rc;

	rc = gmem_map(d->mem, pfn << 12, GMEM_PAGE_SIZE, &page);
	if (rc)
		return rc;
	memset(page, 0, GMEM_PAGE_SIZE);
	port = hcall_domain_evtchn_alloc_unbound(d->hcall, 0);
	if (port == -ENOSYS) {
		/* Without event channels a ring could never be kicked. */
		log_warn(
			"xen",
			"no %s for the guest: this host's KVM has no Xen event channels, so its PV drivers stay off",
			what);
		return 0;
	}
	if (port < 0) {
		log_err("xen", "cannot allocate the %s event channel: %s", what,
			strerror((int)-port));
		return (int)port;
	}
	rc = hcall_domain_set_param(d->hcall, pfn_param, pfn);
	if (!rc)
		rc = hcall_domain_set_param(d->hcall, port_param,
					    (uint64_t)port);
	if (rc)
		return rc;
	log_info("xen", "%s ring at pfn 0x%llx, event channel %ld", what,
		 (unsigned long long)pfn, port);
	return 0;
}

int domain_xenstore_init(struct domain *d)
{
	return ring_init(d, "xenstore", GMEM_XENSTORE_PFN, HVM_PARAM_STORE_PFN,
			 HVM_PARAM_STORE_EVTCHN);
}

int domain_pv_console_init(struct domain *d)
{
	return ring_init(d, "PV console", GMEM_CONSOLE_PFN,
			 HVM_PARAM_CONSOLE_PFN, HVM_PARAM_CONSOLE_EVTCHN);
}
