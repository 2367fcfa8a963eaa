/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The application processor's start code for the smp test guest. The BSP
 * copies smp_trampoline_start..smp_trampoline_end to smp_trampoline_addr
 * (a page below 1 MiB, so the SIPI vector is its page number). The AP
 * arrives there in real mode with CS = vector << 8 and IP = 0, loads the
 * flat GDT carried in the trampoline, enables protection and jumps to
 * ap_entry32 at its link address, which sets a stack and calls
 * smp_ap_main(); then it halts with interrupts off.
 */
#define CR0_PE		0x1
#define SEL_CODE32	0x08
#define SEL_DATA	0x10
#define TRAMPOLINE_ADDR	0x1000
/* Where a trampoline label ends up once copied; DS is 0 there. */
#define COPIED(label)	((label) - smp_trampoline_start + TRAMPOLINE_ADDR)

	.globl	smp_trampoline_addr
	.set	smp_trampoline_addr, TRAMPOLINE_ADDR

	.section .text
	.code16
	.globl	smp_trampoline_start
smp_trampoline_start:
	cli
	xorw	%ax, %ax
	movw	%ax, %ds
	lgdtl	COPIED(tramp_gdt_ptr)
	movl	$CR0_PE, %eax		/* also clears CD and NW from reset */
	movl	%eax, %cr0
	ljmpl	$SEL_CODE32, $ap_entry32

	.balign	8
tramp_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff	/* 0x08: 32-bit flat code */
	.quad	0x00cf92000000ffff	/* 0x10: flat data */
tramp_gdt_ptr:
	.word	tramp_gdt_ptr - tramp_gdt - 1
	.long	COPIED(tramp_gdt)
	.globl	smp_trampoline_end
smp_trampoline_end:

	.code32
ap_entry32:
	movw	$SEL_DATA, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movl	$ap_stack_top, %esp
	call	smp_ap_main
1:	cli
	hlt
	jmp	1b

	.section .bss
	.balign	16
	.skip	4096
ap_stack_top:

	.section .note.GNU-stack,"",@progbits
