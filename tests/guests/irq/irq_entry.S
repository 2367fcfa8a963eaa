/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Descriptor tables and interrupt entry stubs of the irq test guest. The
 * hypervisor starts us in flat protected mode without a GDT we could
 * reload, so irq_load_tables() installs the guest's own flat GDT (code
 * 0x08, data 0x10) and IDT. Each stub saves the registers, calls its C
 * handler and returns with iret.
 */
	.code32
	.text

	.globl	irq_load_tables
irq_load_tables:			/* (gdtr, idtr) */
	movl	4(%esp), %eax
	lgdt	(%eax)
	movl	8(%esp), %eax
	lidt	(%eax)
	ljmp	$0x08, $1f
1:	movw	$0x10, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	ret

.macro	STUB name, handler
	.globl	\name
\name:
	pushal
	cld
	call	\handler
	popal
	iret
.endm

	STUB	irq_stub_pci_pic, irq_on_pci_pic
	STUB	irq_stub_isa_pic, irq_on_isa_pic
	STUB	irq_stub_pci_apic, irq_on_pci_apic
	STUB	irq_stub_spurious, irq_on_spurious

	.section .note.GNU-stack,"",@progbits
