/* SPDX-License-Identifier: GPL-2.0-only */
/* ACPI mode and PM port location (pm.h). */
#include "hvmloader/pm.h"

#include <stdint.h>
#include <xen/xen.h>
#include <xen/hvm/params.h>

#include "hvmloader/acpi.h"
#include "hvmloader/io.h"
#include "hvmloader/log.h"
#include "hvmloader/xen.h"

#define PM1_CNT_SCI_EN 0x1u
/* PIIX4 APM control port; QEMU sets SCI_EN on 0xF1 (ACPI 6.5 4.8.3.2.1). */
#define APM_CNT_PORT 0xb2u
#define APM_ACPI_ENABLE 0xf1u
#define PM_IOPORTS_AT_B000 1

void pm_enable_acpi(void)
{
	if (inw(ACPI_PM1A_CNT_BLK) & PM1_CNT_SCI_EN)
		return;
	outb(APM_CNT_PORT, APM_ACPI_ENABLE);
	if (!(inw(ACPI_PM1A_CNT_BLK) & PM1_CNT_SCI_EN))
		log_err("acpi: SCI_EN still clear after writing 0xf1 to port 0xb2; the OS may see no ACPI events (is QEMU's PIIX4 PM at 00:01.3?)");
}

void pm_relocate_ports(void)
{
	int rc = xen_set_param(HVM_PARAM_ACPI_IOPORTS_LOCATION,
			       PM_IOPORTS_AT_B000);

	if (rc)
		log_err("acpi: HVM_PARAM_ACPI_IOPORTS_LOCATION refused (%d); the PM timer at 0xb008 may not count",
			rc);
}
