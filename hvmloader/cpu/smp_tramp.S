/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * AP start-up code (smp.h). smp_start_aps() copies smp_trampoline_start
 * .. smp_trampoline_end to PLATFORM_AP_TRAMPOLINE (0x1000), so the SIPI
 * vector 0x01 starts the AP there in real mode with CS = 0x0100, IP = 0.
 * It loads the flat GDT carried along, enters protected mode, jumps to
 * its link address, takes the AP stack (APs start one at a time), calls
 * smp_ap_main() and halts with interrupts off until the BSP's INIT.
 */
#define CR0_PE		0x1
#define SEL_CODE32	0x08
#define SEL_DATA32	0x10
#define TRAMPOLINE_ADDR	0x1000
#define COPIED(label)	((label) - smp_trampoline_start + TRAMPOLINE_ADDR)

	.section .text
	.code16
	.globl	smp_trampoline_start
smp_trampoline_start:
	cli
	xorw	%ax, %ax
	movw	%ax, %ds
	lgdtl	COPIED(tramp_gdt_ptr)
	movl	$CR0_PE, %eax		/* also clears CD and NW */
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
	movw	$SEL_DATA32, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	movl	$ap_stack_top, %esp
	cld
	call	smp_ap_main
1:	cli
	hlt
	jmp	1b

	.section .bss
	.balign	16
	.skip	4096
ap_stack_top:

	.section .note.GNU-stack,"",@progbits
