/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hvmloader's entry and exit (firmware.md 1.5 and 2.1).
 *
 * Entry: the BSP arrives in 32-bit flat protected mode, paging off,
 * interrupts off, with the hvm_start_info address in EBX. We load our own
 * GDT, zero the BSS, take the BSS stack and call hvmloader_main(EBX).
 *
 * Exit: when hvmloader_main() returns, SeaBIOS is in place. We copy the
 * real-mode switch below to PLATFORM_REALMODE_ADDR, load 16-bit selectors
 * with 4 GiB limits (SeaBIOS starts in "big real mode" as on Xen), jump
 * to it through a 16-bit code segment, clear CR0.PE, reload CS and the
 * data segments with 0, load the real-mode IVT at 0, zero the GPRs and
 * jump to the reset vector F000:FFF0.
 */
#define SEL_CODE16	0x08
#define SEL_DATA16	0x10
#define SEL_CODE32	0x18
#define SEL_DATA32	0x20
#define CR0_PE		0x1
#define REALMODE_ADDR	0x0
#define STACK_SIZE	16384
#define RM(label)	((label) - realmode_start + REALMODE_ADDR)

	.section .text.entry, "ax"
	.code32
	.globl	_start
_start:
	cld
	cli
	lgdt	gdt_desc
	ljmp	$SEL_CODE32, $1f
1:	movl	$SEL_DATA32, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %fs
	movl	%eax, %gs
	movl	%eax, %ss
	/* The loader zero-fills BSS already; do not depend on it. */
	movl	$__bss_start, %edi
	movl	$__bss_end, %ecx
	subl	%edi, %ecx
	xorl	%eax, %eax
	rep	stosb
	movl	$stack_top, %esp
	pushl	%ebx
	call	hvmloader_main
	addl	$4, %esp

	/* Enter SeaBIOS. */
	cli
	cld
	movl	$realmode_start, %esi
	movl	$REALMODE_ADDR, %edi
	movl	$(realmode_end - realmode_start), %ecx
	rep	movsb
	movl	$SEL_DATA16, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %fs
	movl	%eax, %gs
	movl	%eax, %ss
	ljmp	$SEL_CODE16, $RM(realmode_start)

	.code16
realmode_start:
	movl	%cr0, %eax
	andl	$~CR0_PE, %eax
	movl	%eax, %cr0
	ljmp	$0, $RM(2f)
2:	xorl	%eax, %eax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	lidtl	RM(realmode_idt)
	xorl	%ebx, %ebx
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	xorl	%esi, %esi
	xorl	%edi, %edi
	xorl	%ebp, %ebp
	xorl	%esp, %esp
	ljmp	$0xf000, $0xfff0
realmode_idt:
	.word	0x3ff			/* 256 real-mode vectors at 0 */
	.long	0
realmode_end:

	.section .rodata
	.balign	8
gdt:
	.quad	0
	.quad	0x008f9a000000ffff	/* 0x08: 16-bit code, 4 GiB */
	.quad	0x008f92000000ffff	/* 0x10: 16-bit data, 4 GiB */
	.quad	0x00cf9a000000ffff	/* 0x18: 32-bit flat code */
	.quad	0x00cf92000000ffff	/* 0x20: 32-bit flat data */
gdt_end:
gdt_desc:
	.word	gdt_end - gdt - 1
	.long	gdt

	.section .bss
	.balign	16
stack:
	.skip	STACK_SIZE
stack_top:

	.section .note.GNU-stack,"",@progbits
