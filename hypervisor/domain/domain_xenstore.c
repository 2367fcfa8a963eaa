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
 */
#include "domain_priv.h"

#include <errno.h>
#include <string.h>
#include <xen/hvm/params.h>

#include "hypervisor/gmem.h"
#include "hypervisor/hcall.h"
#include "hypervisor/log.h"

int domain_xenstore_init(struct domain *d)
{
	uint64_t gpa = GMEM_XENSTORE_PFN << 12;
	void *page;
	long port;
	int rc;

	rc = gmem_map(d->mem, gpa, GMEM_PAGE_SIZE, &page);
	if (rc)
		return rc;
	memset(page, 0, GMEM_PAGE_SIZE);
	port = hcall_domain_evtchn_alloc_unbound(d->hcall, 0);
	if (port == -ENOSYS) {
		/* Without event channels a ring could never be kicked. */
		log_warn(
			"xen",
			"no xenstore for the guest: this host's KVM has no Xen event channels, so its PV drivers stay off");
		return 0;
	}
	if (port < 0) {
		log_err("xen", "cannot allocate the xenstore event channel: %s",
			strerror((int)-port));
		return (int)port;
	}
	rc = hcall_domain_set_param(d->hcall, HVM_PARAM_STORE_PFN,
				    GMEM_XENSTORE_PFN);
	if (!rc)
		rc = hcall_domain_set_param(d->hcall, HVM_PARAM_STORE_EVTCHN,
					    (uint64_t)port);
	if (rc)
		return rc;
	log_info("xen", "xenstore ring at pfn 0x%llx, event channel %ld",
		 (unsigned long long)GMEM_XENSTORE_PFN, port);
	return 0;
}
