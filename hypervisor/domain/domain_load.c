/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Loads a domain's boot images: the ELF32 loader at its link address and
 * the modules with their start info (firmware.md 1.3), then points the
 * BSP at the loader's entry with the start-info address in EBX.
 */
#include "domain_priv.h"

#include <errno.h>
#include <stdlib.h>

#include "hypervisor/elf_load.h"
#include "hypervisor/file_read.h"
#include "hypervisor/log.h"
#include "hypervisor/vcpu.h"
#include "hypervisor/vcpu_regs.h"

/* Loaders and firmware modules are small; refuse anything absurd. */
#define LOADER_MAX (16u << 20)
#define MODULE_MAX (16u << 20)

static int load_elf(struct domain *d, const char *path,
		    struct elf_load_image *img)
{
	char why[512];
	uint8_t *buf = NULL;
	size_t len = 0;
	unsigned int i;
	void *p;
	int rc;

	rc = file_read_all(path, LOADER_MAX, &buf, &len, why, sizeof(why));
	if (!rc)
		rc = elf_load_parse(buf, len, img, why, sizeof(why));
	for (i = 0; !rc && i < img->nr_segments; i++) {
		rc = gmem_map(d->mem, img->seg[i].paddr, img->seg[i].memsz, &p);
		if (rc)
			snprintf(why, sizeof(why),
				 "segment at 0x%x is not in guest RAM",
				 img->seg[i].paddr);
	}
	/* Low memory is one contiguous mapping at file offset = GPA. */
	if (!rc)
		rc = elf_load_copy(buf, img, d->mem->base,
				   gmem_bounce_start(d->mem), why, sizeof(why));
	if (rc)
		log_err("boot", "cannot load %s: %s", path, why);
	free(buf);
	return rc;
}

static void free_modules(struct boot_config *bc)
{
	unsigned int i;

	for (i = 0; i < bc->nr_modules; i++)
		free((void *)bc->modules[i].data);
}

static int read_modules(const struct domain_config *cfg, struct boot_config *bc)
{
	char why[512];
	uint8_t *buf;
	size_t len;
	unsigned int i;
	int rc;

	for (i = 0; i < cfg->nr_modules; i++) {
		rc = file_read_all(cfg->modules[i].path, MODULE_MAX, &buf, &len,
				   why, sizeof(why));
		if (rc) {
			log_err("boot", "cannot load module: %s", why);
			return rc;
		}
		bc->modules[i].data = buf;
		bc->modules[i].size = len;
		bc->modules[i].cmdline = cfg->modules[i].cmdline;
		bc->nr_modules = i + 1;
	}
	return 0;
}

int domain_load(struct domain *d, const struct domain_config *cfg)
{
	struct boot_config bc = {.nr_vcpus = cfg->nr_vcpus,
				 .apic_mode = !cfg->no_apic};
	struct elf_load_image img;
	uint32_t start_info = 0;
	int rc;

	rc = load_elf(d, cfg->loader_path, &img);
	if (!rc)
		rc = read_modules(cfg, &bc);
	if (!rc) {
		rc = boot_info_build(d->mem, &img, &bc, &start_info);
		if (rc)
			log_err("boot",
				"cannot write the boot information (%s): give the domain more memory or fewer modules",
				strerror(-rc));
	}
	free_modules(&bc);
	if (!rc)
		rc = vcpu_regs_set_protected_mode(d->vcpus[0]->fd, img.entry,
						  start_info);
	if (!rc)
		log_info("boot", "loaded %s, entry 0x%x, start info at 0x%x",
			 cfg->loader_path, img.entry, start_info);
	return rc;
}
