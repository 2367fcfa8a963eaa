/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domain config API (domain_config.h): defaults, freeing, and loading,
 * which reads the file, parses it and the command-line overrides into one
 * set of assignments (the last one per key wins), applies them through the
 * key tables and finally checks the whole. Keys are applied only when
 * everything parsed, and the whole is checked only when every key applied,
 * so that one mistake gives one message rather than a cascade.
 */
#include "toolstack/domain_config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfg_keys_priv.h"
#include "cfg_parse_priv.h"
#include "domain_config_priv.h"
#include "toolstack/disk_spec.h"
#include "toolstack/vif_spec.h"

void domain_config_init(struct domain_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->memory_mib = DOMAIN_CONFIG_DEFAULT_MEMORY_MIB;
	cfg->vcpus = 1;
	memcpy(cfg->boot, "cd", 3);
	cfg->vnc.enabled = true;
	cfg->vnc.find_unused = true;
	cfg->vga = DOMAIN_VGA_CIRRUS;
	cfg->serial = DOMAIN_SERIAL_NONE;
	cfg->acpi = true;
	cfg->apic = true;
	cfg->pae = true;
	cfg->hpet = true;
	cfg->xen_platform_pci = true;
	cfg->on_poweroff = DOMAIN_ACTION_DESTROY;
	cfg->on_reboot = DOMAIN_ACTION_RESTART;
	cfg->on_crash = DOMAIN_ACTION_DESTROY;
}

void domain_config_free(struct domain_config *cfg)
{
	unsigned int i;

	for (i = 0; i < cfg->nr_disks && i < DOMAIN_CONFIG_MAX_DISKS; i++)
		disk_spec_clear(&cfg->disks[i]);
	for (i = 0; i < cfg->nr_vifs && i < DOMAIN_CONFIG_MAX_VIFS; i++)
		vif_spec_clear(&cfg->vifs[i]);
	free(cfg->name);
	free(cfg->kernel);
	free(cfg->ramdisk);
	free(cfg->cmdline);
	free(cfg->root);
	free(cfg->extra);
	free(cfg->loader);
	free(cfg->bios_path);
	for (i = 0; i < cfg->nr_dm_args && i < DOMAIN_CONFIG_MAX_DM_ARGS; i++)
		free(cfg->dm_args[i]);
	for (i = 0; i < cfg->nr_dm_args_hvm && i < DOMAIN_CONFIG_MAX_DM_ARGS;
	     i++)
		free(cfg->dm_args_hvm[i]);
	free(cfg->vnc.listen);
	free(cfg->vnc.passwd);
	domain_config_init(cfg);
}

static int io_error(struct config_diag *diag, const char *path, int rc,
		    const char *why)
{
	struct config_loc loc = {path, 0, NULL, -1};

	config_diag_add_at(
		diag, CONFIG_SEV_ERROR, CONFIG_ERR_IO, &loc,
		"cannot read the config: %s; check the path and its permissions",
		why ? why : strerror(-rc));
	return rc;
}

/* Reads at most DOMAIN_CONFIG_MAX_FILE bytes of @fd into a new buffer. */
static int read_all(int fd, char **text, size_t *len)
{
	char *buf = malloc(DOMAIN_CONFIG_MAX_FILE + 1);
	size_t n = 0;
	ssize_t r;

	if (!buf)
		return -ENOMEM;
	while (n <= DOMAIN_CONFIG_MAX_FILE) {
		r = read(fd, buf + n, DOMAIN_CONFIG_MAX_FILE + 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r == 0)
				break;
			r = -errno;
			free(buf);
			return (int)r;
		}
		n += (size_t)r;
	}
	if (n > DOMAIN_CONFIG_MAX_FILE) {
		free(buf);
		return -EFBIG;
	}
	*text = buf;
	*len = n;
	return 0;
}

static int read_file(const char *path, char **text, size_t *len,
		     struct config_diag *diag)
{
	struct stat st;
	int fd, rc;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return io_error(diag, path, -errno, NULL);
	if (fstat(fd, &st) < 0) {
		rc = -errno;
		close(fd);
		return io_error(diag, path, rc, NULL);
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return io_error(diag, path, -EINVAL, "not a regular file");
	}
	rc = read_all(fd, text, len);
	close(fd);
	if (rc == -EFBIG)
		return io_error(diag, path, rc,
				"larger than 1 MiB, so not a domain config");
	return rc ? io_error(diag, path, rc, NULL) : 0;
}

int domain_config_load(struct domain_config *cfg, const char *path,
		       const char *const *overrides, unsigned int nr_overrides,
		       struct config_diag *diag)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	domain_config_init(cfg);
	if (path) {
		rc = read_file(path, &text, &len, diag);
		if (rc)
			return rc;
	}
	rc = domain_config_load_buffer(cfg, path, text, len, overrides,
				       nr_overrides, diag);
	free(text);
	return rc;
}

static int parse_sources(struct cfg_doc *doc, const char *name,
			 const char *text, size_t len,
			 const char *const *overrides,
			 unsigned int nr_overrides, struct config_diag *diag)
{
	unsigned int i;
	int rc = 0, r;

	if (name || text) {
		name = name ? name : "config";
		rc = cfg_doc_intern(doc, name, &doc->main_src);
		if (!rc)
			rc = cfg_parse_text(doc, name, text, len, diag);
		if (rc == -ENOMEM)
			return rc;
	}
	for (i = 0; i < nr_overrides; i++) {
		r = cfg_parse_override(doc, overrides[i], diag);
		if (r == -ENOMEM)
			return r;
		rc = rc ? rc : r;
	}
	return rc;
}

int domain_config_load_buffer(struct domain_config *cfg, const char *name,
			      const char *text, size_t len,
			      const char *const *overrides,
			      unsigned int nr_overrides,
			      struct config_diag *diag)
{
	struct cfg_doc doc;
	int rc;

	domain_config_init(cfg);
	cfg_doc_init(&doc);
	rc = parse_sources(&doc, name, text, len, overrides, nr_overrides,
			   diag);
	if (!rc)
		rc = cfg_keys_apply(cfg, &doc, diag);
	if (!rc)
		rc = domain_config_check(cfg, &doc, diag);
	if (rc == -ENOMEM)
		config_diag_add(diag, CONFIG_SEV_ERROR, CONFIG_ERR_NOMEM,
				"%s: out of memory while loading the config",
				doc.main_src);
	cfg_doc_free(&doc);
	if (rc)
		domain_config_free(cfg);
	return rc;
}

const char *domain_config_format_name(enum domain_disk_format f)
{
	static const char *const names[] = {
		[DOMAIN_DISK_FORMAT_RAW] = "raw",
		[DOMAIN_DISK_FORMAT_QCOW2] = "qcow2",
		[DOMAIN_DISK_FORMAT_QCOW] = "qcow",
		[DOMAIN_DISK_FORMAT_VHD] = "vhd",
		[DOMAIN_DISK_FORMAT_QED] = "qed",
	};

	return (unsigned int)f < sizeof(names) / sizeof(names[0]) ? names[f]
								  : NULL;
}

const char *domain_config_nic_name(enum domain_nic_model m)
{
	static const char *const names[] = {
		[DOMAIN_NIC_RTL8139] = "rtl8139",
		[DOMAIN_NIC_NE2K_PCI] = "ne2k_pci",
		[DOMAIN_NIC_E1000] = "e1000",
	};

	return (unsigned int)m < sizeof(names) / sizeof(names[0]) ? names[m]
								  : NULL;
}

const char *domain_config_action_name(enum domain_action a)
{
	static const char *const names[] = {
		[DOMAIN_ACTION_DESTROY] = "destroy",
		[DOMAIN_ACTION_RESTART] = "restart",
		[DOMAIN_ACTION_PRESERVE] = "preserve",
		[DOMAIN_ACTION_RENAME_RESTART] = "rename-restart",
	};

	return (unsigned int)a < sizeof(names) / sizeof(names[0]) ? names[a]
								  : NULL;
}
