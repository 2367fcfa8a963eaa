/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry of the freestanding 64-bit C test guests. hvm-domain starts them
 * like hvmloader, in 32-bit flat protected mode with paging off and the
 * hvm_start_info address in EBX. This code identity-maps the first 8 MiB
 * with 2 MiB pages, enables PAE, EFER.LME and paging (the sequence of
 * probe/probe.S), enters 64-bit mode through its own GDT and calls
 * guest_main(start_info) with a 64-bit stack. If it returns, the guest
 * halts with interrupts off. The image is linked as ELF64 and converted to
 * ELF32 (hvm_add_c64_guest), so the 32-bit part must stay below 4 GiB.
 */
#define CR0_PG		0x80000000
#define CR4_PAE		0x20
#define MSR_EFER	0xc0000080
#define EFER_LME	0x100
#define PTE_P_RW	0x3
#define PDE_2M		0x83	/* present, writable, 2 MiB page */
#define MAPPED_2M_PAGES	4
#define SEL_CODE64	0x08
#define SEL_DATA	0x10

	.section .text.entry
	.code32
	.globl	_start
_start:
	/* EBX (start info) is kept: only EAX, ECX and EDX change below. */
	movl	$pdpt + PTE_P_RW, pml4
	movl	$pd + PTE_P_RW, pdpt
	xorl	%ecx, %ecx
1:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$PDE_2M, %eax
	movl	%eax, pd(, %ecx, 8)
	incl	%ecx
	cmpl	$MAPPED_2M_PAGES, %ecx
	jb	1b
	movl	$pml4, %eax
	movl	%eax, %cr3

	movl	%cr4, %eax
	orl	$CR4_PAE, %eax
	movl	%eax, %cr4

	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	wrmsr

	movl	%cr0, %eax
	orl	$CR0_PG, %eax
	movl	%eax, %cr0

	lgdt	gdt64_ptr
	ljmp	$SEL_CODE64, $entry64

	.code64
entry64:
	movw	$SEL_DATA, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movq	$guest_stack_top, %rsp
	movl	%ebx, %edi		/* zero-extends into %rdi */
	call	guest_main
1:	cli
	hlt
	jmp	1b

	.section .rodata
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
	.skip	16384
guest_stack_top:

	.section .note.GNU-stack,"",@progbits
