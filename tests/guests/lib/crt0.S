/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry of the freestanding C test guests: started like hvmloader in
 * 32-bit flat protected mode with the hvm_start_info address in EBX; sets
 * a stack and calls guest_main(start_info). If it returns, the guest
 * halts with interrupts off.
 */
	.section .text.entry
	.code32
	.globl	_start
_start:
	movl	$guest_stack_top, %esp
	pushl	%ebx
	call	guest_main
1:	cli
	hlt
	jmp	1b

	.section .bss
	.balign	16
	.skip	16384
guest_stack_top:

	.section .note.GNU-stack,"",@progbits
