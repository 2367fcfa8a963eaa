/* SPDX-License-Identifier: GPL-2.0-only */
/* Shared helpers of the command-line builder's tests (dm_launch_test.h). */
#include "dm_launch_test.h"

#include <stdio.h>
#include <string.h>

#include "hvm_test.h"

void dm_test_example(struct dm_config *c)
{
	dm_config_init(c);
	c->domid = 5;
	snprintf(c->name, sizeof(c->name), "guest");
	c->memory_mib = 1024;
	c->vcpus = 2;
	snprintf(c->boot, sizeof(c->boot), "dc");
	c->nr_disks = 2;
	snprintf(c->disks[0].path, sizeof(c->disks[0].path), "/path/disk.img");
	c->disks[1].index = 2;
	c->disks[1].cdrom = true;
	snprintf(c->disks[1].path, sizeof(c->disks[1].path), "/path/cd.iso");
	c->nr_nics = 1;
	snprintf(c->nics[0].mac, sizeof(c->nics[0].mac), "00:16:3e:12:34:56");
	snprintf(c->nics[0].bridge, sizeof(c->nics[0].bridge), "xenbr0");
	snprintf(c->qmp_path, sizeof(c->qmp_path), "/var/run/xen/qmp-libxl-5");
	snprintf(c->qmp_stat_path, sizeof(c->qmp_stat_path),
		 "/var/run/xen/qmp-libxenstat-5");
}

void dm_test_check_argv(const char *file, int line, const struct dm_argv *a,
			const char *const *exp)
{
	unsigned int i;

	for (i = 0; exp[i] && i < a->argc; i++) {
		if (strcmp(exp[i], a->argv[i])) {
			hvm_test_fail(file, line,
				      "argv[%u]: expected \"%s\", saw \"%s\"",
				      i, exp[i], a->argv[i]);
			return;
		}
	}
	if (exp[i] || i != a->argc)
		hvm_test_fail(
			file, line,
			"argv has %u arguments; expected argv[%u] = \"%s\", saw \"%s\"",
			a->argc, i, exp[i] ? exp[i] : "(end)",
			i < a->argc ? a->argv[i] : "(end)");
	else if (a->argv[a->argc])
		hvm_test_fail(file, line, "argv is not NULL-terminated");
}

int dm_test_find(const struct dm_argv *a, unsigned int from, const char *s)
{
	unsigned int i;

	for (i = from; i < a->argc; i++)
		if (!strcmp(a->argv[i], s))
			return (int)i;
	return -1;
}
