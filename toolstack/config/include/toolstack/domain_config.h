/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domain config: what an xl.cfg-style file plus command-line overrides
 * describe, fully typed and with every default resolved, for hvmctl, hvmd
 * and the QEMU launcher. Parsing accepts the xl.cfg(5) syntax and the HVM
 * keys listed in toolstack/config/README.md; serialising writes the
 * canonical text that hvmd keeps under /var/lib/hvm and that parses back
 * to the same config.
 *
 * Strings are owned by the config (free with domain_config_free()); arrays
 * are fixed-size with a count. Not thread-safe; a config belongs to one
 * caller at a time.
 */
#ifndef TOOLSTACK_DOMAIN_CONFIG_H
#define TOOLSTACK_DOMAIN_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "toolstack/config_diag.h"

/* IDE has two channels with two devices each: hda..hdd. */
#define DOMAIN_CONFIG_MAX_DISKS 4
#define DOMAIN_CONFIG_MAX_VIFS 8
#define DOMAIN_CONFIG_MAX_USBDEVS 4
/* Longest domain name; it appears in paths and in hvmctl list output. */
#define DOMAIN_CONFIG_NAME_MAX 63
/* Xen's HVM_MAX_VCPUS. */
#define DOMAIN_CONFIG_MAX_VCPUS 128
/* hvmloader and SeaBIOS need a few MiB below 1 MiB and above it. */
#define DOMAIN_CONFIG_MIN_MEMORY_MIB 16
#define DOMAIN_CONFIG_MAX_MEMORY_MIB (1024u * 1024u)
#define DOMAIN_CONFIG_DEFAULT_MEMORY_MIB 128
/* Host CPUs a cpus= mask can name. */
#define DOMAIN_CONFIG_MAX_HOST_CPUS 256
#define DOMAIN_CONFIG_MAX_VIDEORAM_MIB 256
/* Boot order letters, NUL included: up to "cdn". */
#define DOMAIN_CONFIG_BOOT_MAX 4
#define DOMAIN_CONFIG_VDEV_MAX 16
#define DOMAIN_CONFIG_KEYMAP_MAX 16
/* Extra QEMU arguments per list (device_model_args, _hvm), each's size. */
#define DOMAIN_CONFIG_MAX_DM_ARGS 32
#define DOMAIN_CONFIG_DM_ARG_MAX 1024
/* A direct-boot kernel command line, as the device model takes it. */
#define DOMAIN_CONFIG_CMDLINE_MAX 4096
/* Interface names, as IFNAMSIZ - 1. */
#define DOMAIN_CONFIG_IFNAME_MAX 15

enum domain_disk_format {
	DOMAIN_DISK_FORMAT_RAW,
	DOMAIN_DISK_FORMAT_QCOW2,
	DOMAIN_DISK_FORMAT_QCOW,
	DOMAIN_DISK_FORMAT_VHD,
	DOMAIN_DISK_FORMAT_QED,
};

/* xl's backendtype=; every disk is served by QEMU either way. */
enum domain_disk_backend {
	DOMAIN_DISK_BACKEND_DEFAULT,
	DOMAIN_DISK_BACKEND_PHY,
	DOMAIN_DISK_BACKEND_QDISK,
	DOMAIN_DISK_BACKEND_TAP,
};

struct domain_disk {
	char *target; /* image or device path; NULL for an empty CD-ROM */
	enum domain_disk_format format;
	enum domain_disk_backend backend;
	char vdev[DOMAIN_CONFIG_VDEV_MAX]; /* as written: "hda", "xvda" */
	unsigned int ide_index; /* 0..3: hda (primary master) .. hdd */
	bool cdrom;
	bool readonly; /* always true for a CD-ROM */
	char *script;  /* block script; accepted, not run (warned) */
	/* xl's flags, for the PV disk's nodes (libxl's defaults: false). */
	bool no_discard;     /* no-discard: discard-enable=0 */
	bool direct_io_safe; /* direct-io-safe: QEMU opens it O_DIRECT */
	bool untrusted;	     /* untrusted: the frontend's trusted=0 */
};

enum domain_nic_model {
	DOMAIN_NIC_RTL8139,
	DOMAIN_NIC_NE2K_PCI,
	DOMAIN_NIC_E1000,
};

struct domain_vif {
	uint8_t mac[6];
	bool mac_generated; /* no mac= given; a random 00:16:3e one */
	enum domain_nic_model model;
	char *bridge;	  /* NULL: hvmd's default bridge */
	char *vifname;	  /* host tap name; NULL: hvmd picks one */
	char *script;	  /* hotplug script hvmd runs (vif-bridge style) */
	char *ip;	  /* informational, as in xl */
	unsigned int mtu; /* 0: the bridge's MTU */
};

enum domain_vga {
	DOMAIN_VGA_CIRRUS,
	DOMAIN_VGA_STD,
	DOMAIN_VGA_NONE,
};

/*
 * xl's hap: unset lets the host decide (nested paging where KVM has it,
 * else shadow), as libxl's default does.
 */
/* The largest grant table hvm-domain keeps (xl's default maximum). */
#define DOMAIN_CONFIG_MAX_GRANT_FRAMES 64

enum domain_hap {
	DOMAIN_HAP_DEFAULT,
	DOMAIN_HAP_ON,
	DOMAIN_HAP_OFF,
};

enum domain_serial {
	DOMAIN_SERIAL_NONE,
	DOMAIN_SERIAL_PTY,
};

enum domain_usbdev {
	DOMAIN_USBDEV_TABLET,
	DOMAIN_USBDEV_MOUSE,
	DOMAIN_USBDEV_KEYBOARD,
};

/*
 * What hvmd does when the guest powers off, reboots or crashes. The
 * coredump-* actions of xl fall back to destroy/restart (with a warning)
 * until hvmd can write core dumps; soft-reset is refused.
 */
enum domain_action {
	DOMAIN_ACTION_DESTROY,
	DOMAIN_ACTION_RESTART,
	DOMAIN_ACTION_PRESERVE,
	DOMAIN_ACTION_RENAME_RESTART,
};

/* Host CPUs the vCPUs may run on (cpus=); !set means all CPUs. */
struct domain_cpumap {
	bool set;
	uint64_t bits[DOMAIN_CONFIG_MAX_HOST_CPUS / 64];
};

/* Room for the longest list domain_cpumap_format() writes, with its NUL. */
#define DOMAIN_CPUMAP_STR_LEN (DOMAIN_CONFIG_MAX_HOST_CPUS * 5)

/*
 * Writes @m's CPUs as xl writes them ("0-3,6"), or "" if it has none;
 * hvm-domain's --cpus takes the same form.
 */
void domain_cpumap_format(const struct domain_cpumap *m,
			  char buf[DOMAIN_CPUMAP_STR_LEN]);

struct domain_vnc {
	bool enabled;
	char *listen;	      /* address, default "127.0.0.1" */
	bool display_set;     /* vncdisplay= given */
	unsigned int display; /* TCP port 5900 + display */
	bool find_unused;     /* vncunused: try later displays if taken */
	char *passwd;	      /* NULL: no password */
	char keymap[DOMAIN_CONFIG_KEYMAP_MAX]; /* "" : QEMU's default */
};

struct domain_config {
	char *name;
	uint8_t uuid[16];
	bool uuid_generated; /* no uuid= given */
	uint64_t memory_mib;
	uint64_t maxmem_mib; /* equal to memory_mib until ballooning exists */
	unsigned int vcpus;  /* online at boot */
	unsigned int maxvcpus;
	struct domain_cpumap cpus;
	char boot[DOMAIN_CONFIG_BOOT_MAX]; /* letters c, d, n in order */
	/*
	 * Direct kernel boot, as libxl does it for HVM with QEMU and SeaBIOS
	 * (QEMU's -kernel/-initrd/-append, loaded through fw_cfg): NULL when
	 * not set. cmdline is xl's: cmdline=, else "root=ROOT EXTRA".
	 */
	char *kernel;
	char *ramdisk;
	char *cmdline;
	char *root;  /* root=, folded into cmdline by the checks */
	char *extra; /* extra=, likewise */
	/*
	 * Firmware: SeaBIOS always (bios= and firmware= name it or refuse
	 * the others). firmware_override= (or firmware=PATH) replaces
	 * hvmloader, bios_path_override= the SeaBIOS image; NULL: hvmd's.
	 */
	char *loader;
	char *bios_path;
	bool bios_named; /* bios= was given (bios_path_override needs it) */
	/* device_model_args= and device_model_args_hvm=, appended to QEMU's */
	char *dm_args[DOMAIN_CONFIG_MAX_DM_ARGS];
	unsigned int nr_dm_args;
	char *dm_args_hvm[DOMAIN_CONFIG_MAX_DM_ARGS];
	unsigned int nr_dm_args_hvm;

	struct domain_disk disks[DOMAIN_CONFIG_MAX_DISKS];
	unsigned int nr_disks;
	struct domain_vif vifs[DOMAIN_CONFIG_MAX_VIFS];
	unsigned int nr_vifs;

	struct domain_vnc vnc;
	enum domain_vga vga;
	unsigned int videoram_mib;
	enum domain_serial serial;
	bool usb;
	enum domain_usbdev usbdevs[DOMAIN_CONFIG_MAX_USBDEVS];
	unsigned int nr_usbdevs;

	bool acpi;
	bool apic;
	bool pae;
	bool hpet;
	enum domain_hap hap;	       /* hvm-domain --hap */
	unsigned int max_grant_frames; /* 0: not set (64) */
	bool localtime;
	int64_t rtc_timeoffset; /* seconds added to the RTC */
	bool xen_platform_pci;	/* the Xen platform device and PV disks */

	enum domain_action on_poweroff;
	enum domain_action on_reboot;
	enum domain_action on_crash;
};

/*
 * Fills @cfg with the defaults and no devices. Owns nothing yet, so it
 * cannot fail; domain_config_free() on the result is fine.
 */
void domain_config_init(struct domain_config *cfg);

/* Frees every string and resets @cfg to domain_config_init(). Idempotent. */
void domain_config_free(struct domain_config *cfg);

/*
 * Reads the config file @path (NULL: no file, overrides only), then applies
 * @overrides, each one "key=value" or "key+=value" as typed on the hvmctl
 * command line, in order; an override replaces the file's value (+= appends
 * to a list). Then checks the whole config, fills defaults, generates a
 * UUID and MAC addresses where none were given. Warnings and errors go to
 * @diag, which the caller initialised.
 *
 * @cfg need not be initialised, and whatever it held is not freed. Returns
 * 0; -EINVAL for syntax or config errors (@diag->first_error says which);
 * -ENOMEM; or the negative errno of reading @path. On failure @cfg is left
 * as after domain_config_init(). Either way, call domain_config_free()
 * when done.
 */
int domain_config_load(struct domain_config *cfg, const char *path,
		       const char *const *overrides, unsigned int nr_overrides,
		       struct config_diag *diag)
	__attribute__((warn_unused_result));

/*
 * As domain_config_load(), but the file's text is @text (@len bytes; a NUL
 * byte is a syntax error) and messages name it @name ("config" if NULL).
 * With @text and @name both NULL there is no file, only @overrides.
 */
int domain_config_load_buffer(struct domain_config *cfg, const char *name,
			      const char *text, size_t len,
			      const char *const *overrides,
			      unsigned int nr_overrides,
			      struct config_diag *diag)
	__attribute__((warn_unused_result));

/*
 * Writes @cfg as canonical xl.cfg text into a new NUL-terminated string
 * *@out (free() it): every key explicit, one per line, fixed order, disks
 * and vifs in key=value form. Loading that text gives back an equal config.
 * The text includes vncpasswd: store it where only root can read it.
 * Returns 0, -EINVAL if @cfg is not a loaded config (no name), or -ENOMEM.
 */
int domain_config_serialise(const struct domain_config *cfg, char **out)
	__attribute__((warn_unused_result));

/* Names for messages and listings: "raw", "rtl8139", "rename-restart". */
const char *domain_config_format_name(enum domain_disk_format f);
const char *domain_config_nic_name(enum domain_nic_model m);
const char *domain_config_action_name(enum domain_action a);

#endif /* TOOLSTACK_DOMAIN_CONFIG_H */
