/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The device model's command line: a plain description of what Debian's
 * Xen QEMU needs for one HVM domain (struct dm_config), and builders for
 * the argument vector and the environment that QEMU is started with
 * (dm-abi.md 1.1 and 7.1). Nothing here starts a process; hvm-dm-launch
 * does that.
 *
 * The builders check every field and refuse what QEMU would misparse or
 * reject: values are joined into QEMU's "key=value,..." option syntax,
 * so commas in paths and names are doubled, and newlines or other control
 * characters are refused.
 */
#ifndef DEVICE_MODEL_DM_LAUNCH_H
#define DEVICE_MODEL_DM_LAUNCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DM_QEMU_DEFAULT "/usr/libexec/xen-qemu-system-i386"

#define DM_MAX_DISKS 4 /* IDE hda..hdd: the only emulated positions */
#define DM_MAX_NICS 8
#define DM_MAX_VCPUS 64 /* what the control socket carries (CTL_MAX_VCPUS) */
#define DM_MAX_DOMID 0x7fef /* below Xen's DOMID_FIRST_RESERVED */
#define DM_MAX_MEMORY_MIB (1U << 20)

#define DM_PATH_MAX 4096
/* Extra QEMU arguments per list (xl's device_model_args, _hvm). */
#define DM_MAX_EXTRA_ARGS 32
#define DM_EXTRA_ARG_MAX 1024
/* A kernel command line (Linux's own limit on x86 is 2048 bytes). */
#define DM_CMDLINE_MAX 4096
#define DM_SOCK_PATH_MAX 108 /* sizeof(sockaddr_un.sun_path), with NUL */
#define DM_NAME_MAX 128
#define DM_IFNAME_MAX 16 /* IFNAMSIZ, with NUL */
#define DM_KEYMAP_MAX 16 /* QEMU keymap names: "en-us", "fr-ch", ... */
/* USB devices (xl's usbdevice=), in the order QEMU gets them. */
#define DM_USB_TABLET 1u
#define DM_USB_MOUSE 2u
#define DM_USB_KEYBOARD 4u
#define DM_MAC_STR_MAX 18 /* "xx:xx:xx:xx:xx:xx" with NUL */
#define DM_BOOT_MAX 8
#define DM_HOST_MAX 64

#define DM_BOOT_DEFAULT "cda"
#define DM_VNC_LISTEN_DEFAULT "127.0.0.1"
#define DM_VIDEORAM_STD_DEFAULT 16
#define DM_VIDEORAM_CIRRUS_DEFAULT 8

enum dm_disk_format {
	DM_DISK_RAW = 0,
	DM_DISK_QCOW2,
};

enum dm_nic_model {
	DM_NIC_NE2K_PCI = 0,
	DM_NIC_RTL8139,
	DM_NIC_E1000,
};

enum dm_vga {
	DM_VGA_STD = 0,
	DM_VGA_CIRRUS,
	DM_VGA_NONE,
};

/* One IDE drive: a hard disk or a CD-ROM. */
struct dm_disk {
	char path[DM_PATH_MAX]; /* absolute; "" only for an empty CD-ROM */
	enum dm_disk_format format;
	unsigned int index; /* 0..3 = hda, hdb, hdc, hdd */
	bool cdrom;
	bool readonly; /* hard disks only (refused: QEMU's IDE disks are rw) */
};

/* One emulated NIC, backed by a tap interface that QEMU opens. */
struct dm_nic {
	enum dm_nic_model model;
	char mac[DM_MAC_STR_MAX];   /* "00:16:3e:12:34:56", unicast */
	char ifname[DM_IFNAME_MAX]; /* "" = "vif<domid>.<n>-emu" */
	char bridge[DM_IFNAME_MAX]; /* "" = none; br= is informational */
};

/*
 * Everything QEMU's command line depends on. Start from dm_config_init():
 * it sets every default, so only the fields that differ need setting.
 */
struct dm_config {
	char qemu_path[DM_PATH_MAX]; /* argv[0]; default DM_QEMU_DEFAULT */
	uint32_t domid;		     /* 1..DM_MAX_DOMID */
	char name[DM_NAME_MAX];	     /* -name; "" = "d<domid>" */
	unsigned int memory_mib;     /* guest RAM including video RAM */
	unsigned int vcpus;	     /* 1..DM_MAX_VCPUS */
	unsigned int maxvcpus;	     /* vcpus..DM_MAX_VCPUS; 0 = vcpus */

	unsigned int nr_disks;
	struct dm_disk disks[DM_MAX_DISKS];
	unsigned int nr_nics;
	struct dm_nic nics[DM_MAX_NICS];

	char boot[DM_BOOT_MAX]; /* letters from "acdn", each once; "" = cda */
	enum dm_vga vga;
	unsigned int videoram_mib; /* 0 = default for the VGA */

	bool vnc;
	char vnc_listen[DM_HOST_MAX]; /* IPv4, IPv6 or host name */
	unsigned int vnc_display;     /* 0..99; first tried if find_unused */
	bool vnc_find_unused;	      /* ",to=99" */

	bool serial_pty;
	/* "" = none; else QEMU copies the guest's serial output here too */
	char serial_log[DM_PATH_MAX];
	char qmp_path[DM_SOCK_PATH_MAX];      /* "" = no QMP monitor */
	char qmp_stat_path[DM_SOCK_PATH_MAX]; /* "" = no second monitor */
	bool platform_pci; /* xenfv machine with the Xen platform device */
	bool acpi;
	bool hpet; /* QEMU's HPET (the machine's hpet property) */
	char keymap[DM_KEYMAP_MAX]; /* "" = QEMU's default (en-us) */
	bool usb;		    /* the board's UHCI controller (-usb) */
	unsigned int usbdevs;	    /* DM_USB_* bits: devices on it */
	/*
	 * Direct kernel boot, as libxl: -kernel, -initrd, -append; QEMU hands
	 * them to SeaBIOS through fw_cfg. "" = not set; initrd and append
	 * need a kernel.
	 */
	char kernel[DM_PATH_MAX];
	char ramdisk[DM_PATH_MAX];
	char cmdline[DM_CMDLINE_MAX];
	/*
	 * xl's device_model_args (dm-arg=) and device_model_args_hvm
	 * (dm-arg-hvm=), where libxl puts them: before -machine, and right
	 * after the machine type.
	 */
	unsigned int nr_extra_args;
	char extra_args[DM_MAX_EXTRA_ARGS][DM_EXTRA_ARG_MAX];
	unsigned int nr_extra_args_hvm;
	char extra_args_hvm[DM_MAX_EXTRA_ARGS][DM_EXTRA_ARG_MAX];
};

/* A NULL-terminated vector of malloc'ed strings (argv or envp). */
struct dm_argv {
	char **argv; /* argv[argc] == NULL once built */
	unsigned int argc;
	unsigned int cap;
};

/*
 * Fills @c with defaults: qemu DM_QEMU_DEFAULT, domid 0 (must be set),
 * 1024 MiB, 1 vCPU, boot "cda", std VGA with default video RAM, VNC on
 * DM_VNC_LISTEN_DEFAULT display 0 finding an unused one, serial pty on,
 * platform PCI device on, ACPI on, no disks, NICs or QMP sockets.
 */
void dm_config_init(struct dm_config *c);

/*
 * Sets one field of @c from a "KEY=VALUE" string, as hvm-dm-launch's
 * command line does. Keys: qemu, domid, name, memory, vcpus, maxvcpus,
 * boot, vga (std|cirrus|none), videoram, vnc (on|off), vnc-listen,
 * vnc-display (0..99), vnc-unused (on|off), serial (pty|none),
 * serial-log (an absolute file the serial output is appended to), qmp,
 * qmp-stat, platform-pci (on|off), acpi (on|off), hpet (on|off), keymap,
 * usb (on|off), usbdevice (tablet|mouse|keyboard, repeatable, implies
 * usb), and the repeatable
 *   disk=VDEV,FORMAT,MEDIA,ACCESS,PATH  e.g. disk=hda,raw,disk,rw,/img
 *        (VDEV hda..hdd, FORMAT raw|qcow2, MEDIA disk|cdrom, ACCESS rw|ro;
 *         PATH is the rest of the string, commas included, and may be
 *         empty for an empty CD-ROM)
 *   nic=model=M,mac=MAC[,ifname=IF][,bridge=BR]
 * Values are stored as given; dm_build_argv() checks them as a whole.
 * Returns 0, or -EINVAL (unknown key, malformed value), -E2BIG (too many
 * disks or NICs) or -ENAMETOOLONG with a message in @err.
 */
int dm_config_set(struct dm_config *c, const char *kv, char *err, size_t errlen)
	__attribute__((warn_unused_result));

/*
 * Checks @c and builds QEMU's argument vector into @out (argv[0] is
 * @c->qemu_path), in the order of dm-abi.md 7.1. @out must be zeroed or
 * freed before; on failure it is left empty. Returns 0, -EINVAL with a
 * message in @err saying which field is wrong and what to do, -ENOMEM, or
 * -E2BIG if a string outgrows the builder's bound.
 */
int dm_build_argv(const struct dm_config *c, struct dm_argv *out, char *err,
		  size_t errlen) __attribute__((warn_unused_result));

/* What dm_build_env() adds to QEMU's environment (dm-abi.md 1.1). */
struct dm_env_params {
	const char *shim_dir;	    /* our Xen libraries; first in the path */
	const char *xenstored_path; /* hvm-xenstored's socket */
	const char *run_dir;	    /* holds <domid>/ctl (hvm-domain) */
	uint32_t domid;
};

/*
 * Builds QEMU's environment into @out: the strings of @base (a
 * NULL-terminated "NAME=value" vector such as environ; may be NULL) minus
 * the variables set here, then LD_LIBRARY_PATH (@p->shim_dir, then the old
 * value if any), XENSTORED_PATH, HVM_RUN_DIR and XEN_DOMAIN_ID. Directory
 * and socket paths must be absolute and free of ':' (LD_LIBRARY_PATH's
 * separator) and control characters. Returns 0, -EINVAL with a message
 * in @err, or -ENOMEM; on failure @out is left empty.
 */
int dm_build_env(const struct dm_env_params *p, char *const *base,
		 struct dm_argv *out, char *err, size_t errlen)
	__attribute__((warn_unused_result));

/* Frees every string of @a and the vector; @a is then empty. Idempotent. */
void dm_argv_free(struct dm_argv *a);

#endif /* DEVICE_MODEL_DM_LAUNCH_H */
