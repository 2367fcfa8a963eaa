/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of hvmctl's argument parser (hvmctl_args.c). */
#include "hvmctl_args.h"

#include <string.h>

#include "hvm_test.h"

static struct hvmctl_cmd cmd;
static char err[512];

static int parse(const char *env, int argc, const char **argv)
{
	err[0] = '\0';
	return hvmctl_args_parse(&cmd, argc, (char **)argv, env, err,
				 sizeof(err));
}

#define PARSE(env, ...)                                                        \
	parse(env, sizeof((const char *[]){__VA_ARGS__}) / sizeof(char *),     \
	      (const char *[]){__VA_ARGS__})

static void test_create_forms(void)
{
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "create", "-c", "-V", "-p",
			  "guest.cfg", "memory=256", "disk=a,b"));
	CHECK_EQ(HVMCTL_CREATE, cmd.verb);
	CHECK(cmd.console && cmd.vnc && cmd.paused);
	CHECK(!strcmp(cmd.config, "guest.cfg"));
	CHECK_EQ(2, cmd.nr_sets);
	CHECK(!strcmp(cmd.sets[1], "disk=a,b"));
	CHECK(cmd.socket_default);

	CHECK_EQ(0, PARSE(NULL, "hvmctl", "create", "builder=hvm", "name=x"));
	CHECK(cmd.config == NULL);
	CHECK_EQ(2, cmd.nr_sets);

	CHECK_EQ(0, PARSE(NULL, "hvmctl", "create", "-cp", "-f", "a.cfg"));
	CHECK(cmd.console && cmd.paused && !strcmp(cmd.config, "a.cfg"));
}

/* console -t as xl's: pv or serial (the default), before or after DOM. */
static void test_console_type(void)
{
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "console", "g1"));
	CHECK(!cmd.pv_console && !strcmp(cmd.dom, "g1"));
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "console", "-t", "pv", "g1"));
	CHECK(cmd.pv_console && !strcmp(cmd.dom, "g1"));
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "console", "g1", "-t", "serial"));
	CHECK(!cmd.pv_console);
	CHECK(PARSE(NULL, "hvmctl", "console", "-t", "vga", "g1") < 0);
	CHECK_STR_CONTAINS(err, "-t takes pv or serial, not \"vga\"");
	CHECK(PARSE(NULL, "hvmctl", "console", "g1", "-t") < 0);
	CHECK_STR_CONTAINS(err, "-t needs pv or serial");
	CHECK(PARSE(NULL, "hvmctl", "list", "-t", "pv") < 0);
}

static void test_create_errors(void)
{
	CHECK(PARSE(NULL, "hvmctl", "create", "a.cfg", "b.cfg") < 0);
	CHECK_STR_CONTAINS(err, "\"b.cfg\" is extra");
	CHECK(PARSE(NULL, "hvmctl", "create", "name=x", "a.cfg") < 0);
	CHECK(PARSE(NULL, "hvmctl", "create", "-x") < 0);
	CHECK_STR_CONTAINS(err, "unknown option -x");
}

static void test_domain_verbs(void)
{
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "shutdown", "-w", "web"));
	CHECK(cmd.wait && !cmd.acpi_fallback && !strcmp(cmd.dom, "web"));
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "shutdown", "-wF", "web"));
	CHECK(cmd.wait && cmd.acpi_fallback);
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "reboot", "-F", "web"));
	CHECK(cmd.acpi_fallback && !strcmp(cmd.dom, "web"));
	CHECK(PARSE(NULL, "hvmctl", "reboot", "-w", "web") < 0);
	CHECK(PARSE(NULL, "hvmctl", "pause", "-F", "web") < 0);
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "screenshot", "3", "s.png"));
	CHECK(!strcmp(cmd.dom, "3") && !strcmp(cmd.file, "s.png"));
	CHECK(PARSE(NULL, "hvmctl", "screenshot", "3") < 0);
	CHECK_STR_CONTAINS(err, "missing argument");
	CHECK(PARSE(NULL, "hvmctl", "pause") < 0);
	CHECK(PARSE(NULL, "hvmctl", "pause", "a", "b") < 0);
	CHECK_STR_CONTAINS(err, "unexpected argument \"b\"");
	CHECK(PARSE(NULL, "hvmctl", "destroy", "-w", "a") < 0);
}

static void test_list_and_help(void)
{
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "list", "-l"));
	CHECK(cmd.long_list && cmd.dom == NULL);
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "list", "web"));
	CHECK(!strcmp(cmd.dom, "web"));
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "help", "create"));
	CHECK(!strcmp(cmd.help_verb, "create"));
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "--help"));
	CHECK_EQ(HVMCTL_HELP, cmd.verb);
}

static void test_vcpu_verbs(void)
{
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "vcpu-list"));
	CHECK_EQ(HVMCTL_VCPU_LIST, cmd.verb);
	CHECK(cmd.dom == NULL && cmd.nr_args == 0);
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "vcpu-list", "web"));
	CHECK(!strcmp(cmd.dom, "web"));
	CHECK(PARSE(NULL, "hvmctl", "vcpu-list", "web", "db") < 0);
	CHECK_STR_CONTAINS(err, "unexpected argument \"db\"");
	CHECK(PARSE(NULL, "hvmctl", "vcpu-list", "-l") < 0);

	CHECK_EQ(0, PARSE(NULL, "hvmctl", "vcpu-pin", "web", "all", "0-3,6"));
	CHECK_EQ(HVMCTL_VCPU_PIN, cmd.verb);
	CHECK(!strcmp(cmd.verb_name, "vcpu-pin"));
	CHECK_EQ(3, cmd.nr_args);
	CHECK(!strcmp(cmd.dom, "web") && !strcmp(cmd.args[0], "web"));
	CHECK(!strcmp(cmd.args[1], "all") && !strcmp(cmd.args[2], "0-3,6"));
	/* An exclusion list is an argument like any other. */
	CHECK_EQ(0, PARSE(NULL, "hvmctl", "vcpu-pin", "web", "1", "^2"));
	CHECK(!strcmp(cmd.args[2], "^2"));
	CHECK(PARSE(NULL, "hvmctl", "vcpu-pin", "web", "1") < 0);
	CHECK_STR_CONTAINS(err, "missing argument; usage: hvmctl vcpu-pin");
	CHECK(PARSE(NULL, "hvmctl", "vcpu-pin", "web", "1", "2", "3") < 0);
	CHECK_STR_CONTAINS(err, "unexpected argument \"3\"");

	CHECK_EQ(0, PARSE(NULL, "hvmctl", "vcpu-set", "web", "2"));
	CHECK_EQ(HVMCTL_VCPU_SET, cmd.verb);
	CHECK_EQ(2, cmd.nr_args);
	CHECK(!strcmp(cmd.args[1], "2"));
	CHECK(PARSE(NULL, "hvmctl", "vcpu-set", "web") < 0);
	CHECK_STR_CONTAINS(err, "missing argument");
	CHECK(PARSE(NULL, "hvmctl", "vcpu-set", "web", "2", "3") < 0);
}

static void test_globals(void)
{
	CHECK_EQ(0, PARSE("/tmp/env.sock", "hvmctl", "list"));
	CHECK(!strcmp(cmd.socket, "/tmp/env.sock") && !cmd.socket_default);
	CHECK_EQ(0, PARSE("/tmp/env.sock", "hvmctl", "--socket", "/s", "list"));
	CHECK(!strcmp(cmd.socket, "/s"));
	CHECK_EQ(0, PARSE("", "hvmctl", "list"));
	CHECK(!strcmp(cmd.socket, HVMCTL_SOCKET_DEFAULT));
	CHECK(PARSE(NULL, "hvmctl", "frobnicate") < 0);
	CHECK_STR_CONTAINS(err, "unknown verb \"frobnicate\"");
	CHECK(PARSE(NULL, "hvmctl") < 0);
	CHECK(PARSE(NULL, "hvmctl", "--bogus", "list") < 0);
}

int main(void)
{
	HVM_TEST(test_create_forms);
	HVM_TEST(test_console_type);
	HVM_TEST(test_create_errors);
	HVM_TEST(test_domain_verbs);
	HVM_TEST(test_list_and_help);
	HVM_TEST(test_vcpu_verbs);
	HVM_TEST(test_globals);
	return hvm_test_summary();
}
