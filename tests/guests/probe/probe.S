/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The KVM substrate probe guest. Started in 32-bit flat protected mode with
 * paging off (as hvmloader is), it builds identity-mapped 4-level page
 * tables for the first 4 MiB, enables PAE, EFER.LME and paging, enters
 * 64-bit mode through a 64-bit GDT, checks that EFER.LMA is set and that
 * 64-bit arithmetic works, and reports each step on the debug port 0xe9.
 * Its last act is writing PROBE_EXIT_OK to the exit port 0xf4.
 *
 * Variants for the probe's own negative tests:
 * - PROBE_BROKEN "forgets" EFER.LME and paging, so its EFER.LMA check fails
 *   and it exits with PROBE_EXIT_NOLMA. (A triple fault would be the more
 *   natural breakage, but TCG's nested SVM wedges the test host's CPU on an
 *   L2 triple fault instead of reporting a shutdown exit.)
 * - PROBE_SPIN never exits: the probe must time out.
 */

#define PORT_DEBUG	0xe9
#define PORT_EXIT	0xf4
#define PROBE_EXIT_OK	0x4c4d	/* "LM" */
#define PROBE_EXIT_NOLMA 0xbad1

#define CR0_PG		0x80000000
#define CR4_PAE		0x20
#define MSR_EFER	0xc0000080
#define EFER_LME	0x100
#define EFER_LMA	0x400
#define PTE_P_RW	0x3
#define PDE_2M		0x83	/* present, writable, 2 MiB page */

	.section .text
	.code32
	.globl	_start
_start:
	movl	$stack_top, %esp
	movl	$msg_pm, %esi
	call	puts32

	/* PML4[0] -> PDPT, PDPT[0] -> PD, PD[0..1] = 2 MiB pages at 0, 2 MiB. */
	movl	$pdpt + PTE_P_RW, pml4
	movl	$pd + PTE_P_RW, pdpt
	movl	$0x000000 + PDE_2M, pd
	movl	$0x200000 + PDE_2M, pd + 8
	movl	$pml4, %eax
	movl	%eax, %cr3

	movl	%cr4, %eax
	orl	$CR4_PAE, %eax
	movl	%eax, %cr4

#ifdef PROBE_SPIN
	jmp	.
#endif
#ifdef PROBE_BROKEN
	movl	$MSR_EFER, %ecx
	rdmsr
	testl	$EFER_LMA, %eax
	jz	no_lma32
#endif

	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	wrmsr

	movl	%cr0, %eax
	orl	$CR0_PG, %eax
	movl	%eax, %cr0

	movl	$msg_paging, %esi
	call	puts32

	lgdt	gdt64_ptr
	ljmp	$0x08, $long_entry

no_lma32:
	movl	$msg_nolma, %esi
	call	puts32
	movl	$PROBE_EXIT_NOLMA, %eax
	movw	$PORT_EXIT, %dx
	outl	%eax, %dx
1:	cli
	hlt
	jmp	1b

/* Writes the NUL-terminated string at %esi to the debug port. */
puts32:
	movw	$PORT_DEBUG, %dx
1:	lodsb
	testb	%al, %al
	jz	2f
	outb	%al, %dx
	jmp	1b
2:	ret

	.code64
long_entry:
	movw	$0x10, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movl	$stack_top, %esp	/* zero-extends into %rsp */

	movl	$MSR_EFER, %ecx
	rdmsr
	testl	$EFER_LMA, %eax
	jz	no_lma

	/* 64-bit arithmetic: 0x0123456789abcdef rotated by 16 must wrap. */
	movabsq	$0x0123456789abcdef, %rax
	rolq	$16, %rax
	movabsq	$0x456789abcdef0123, %rbx
	cmpq	%rbx, %rax
	jne	no_lma

	leaq	msg_long(%rip), %rsi
	call	puts64
	movl	$PROBE_EXIT_OK, %eax
	movw	$PORT_EXIT, %dx
	outl	%eax, %dx
	jmp	halt

no_lma:
	leaq	msg_nolma(%rip), %rsi
	call	puts64
	movl	$PROBE_EXIT_NOLMA, %eax
	movw	$PORT_EXIT, %dx
	outl	%eax, %dx
halt:
	cli
	hlt
	jmp	halt

puts64:
	movw	$PORT_DEBUG, %dx
1:	lodsb
	testb	%al, %al
	jz	2f
	outb	%al, %dx
	jmp	1b
2:	ret

	.section .rodata
msg_pm:		.asciz	"probe: 32-bit protected mode\n"
msg_paging:	.asciz	"probe: PAE paging on, EFER.LME set\n"
msg_long:	.asciz	"probe: long mode reached, EFER.LMA set, 64-bit arithmetic ok\n"
msg_nolma:	.asciz	"probe: EFER.LMA is clear or 64-bit arithmetic failed: long mode not reached\n"

	.balign	8
gdt64:
	.quad	0
	.quad	0x00af9a000000ffff	/* 0x08: 64-bit code, present, DPL 0 */
	.quad	0x00cf92000000ffff	/* 0x10: data, present, writable */
gdt64_end:
gdt64_ptr:
	.word	gdt64_end - gdt64 - 1
	.long	gdt64

	.section .bss
	.balign	4096
pml4:	.skip	4096
pdpt:	.skip	4096
pd:	.skip	4096
	.skip	8192
stack_top:

	.section .note.GNU-stack,"",@progbits
