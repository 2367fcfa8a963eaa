/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The DSDT of an hvm guest: QEMU's i440FX/PIIX3/PIIX4 platform as the
 * xenfv machine presents it, with the interrupt routing of
 * hvmloader/include/hvmloader/pci_irq.h. Compiled by iasl at build time;
 * dsdt_gen.asl (written by dsdt_gen.c) adds the processor objects, the
 * PCI interrupt link devices and the _PRT package.
 *
 * Run-time facts come from acpi_info (hvmloader/include/hvmloader/acpi.h),
 * mapped below as the region BIOS; hvmloader patches its address.
 * Left out: CPU and PCI hotplug, S3/S4, the VM generation ID, floppy.
 *
 * SeaBIOS parses this table with a small AML walker (it looks for the
 * PNP0303 keyboard) that only understands constant operands in
 * OperationRegion and a few other opcodes at declaration level; keep
 * declarations simple (dsdt_subset_test.c checks it).
 */
DefinitionBlock ("", "DSDT", 2, "HVM", "HVMDSDT", 0)
{
    /*
     * acpi_info; the address must stay a DWord constant, hvmloader
     * rewrites it (dsdt_patch.c).
     */
    OperationRegion (BIOS, SystemMemory, 0xFC000000, 0x20)
    Field (BIOS, ByteAcc, NoLock, Preserve)
    {
        UAR1, 1,    /* COM1 present */
        UAR2, 1,    /* COM2 present */
        LTP1, 1,    /* LPT1 present */
        HPTP, 1,    /* HPET present */
        Offset (0x02),
        NCPU, 16,   /* number of vCPUs */
        PMIN, 32,   /* low PCI window start */
        PLEN, 32,   /* low PCI window length */
        Offset (0x10),
        PHMN, 64,   /* 64-bit PCI window start */
        PHLN, 64    /* 64-bit PCI window length, 0: none */
    }

    /*
     * _PIC (ACPI 6.5 5.8.1): 0 PIC mode, 1 APIC mode. Recorded only: PCI
     * interrupts reach the same IRQ numbers in both modes (pci_irq.h).
     */
    Name (PICD, Zero)
    Method (_PIC, 1, NotSerialized)
    {
        PICD = Arg0
    }

    /*
     * Soft off: QEMU's PIIX4 powers off on SLP_EN with SLP_TYP 0 in
     * PM1a_CNT (0xB004).
     */
    Name (_S5, Package (0x04) { Zero, Zero, Zero, Zero })

    Scope (\_SB)
    {
        /* _STA of processor Arg0: present and enabled below NCPU. */
        Method (PSTA, 1, NotSerialized)
        {
            If (Arg0 < NCPU)
            {
                Return (0x0F)
            }
            Return (Zero)
        }

        /* _STA of a link from its PIRQ register: bit 7 set = disabled. */
        Method (LSTA, 1, NotSerialized)
        {
            If (Arg0 & 0x80)
            {
                Return (0x09)
            }
            Return (0x0B)
        }

        /* _CRS of a link from its PIRQ register. */
        Method (LCRS, 1, Serialized)
        {
            Local0 = ResourceTemplate ()
            {
                IRQ (Level, ActiveLow, Shared, ) {}
            }
            /* The IRQ mask word follows the descriptor's tag byte. */
            CreateWordField (Local0, One, IRQW)
            If (!(Arg0 & 0x80))
            {
                IRQW = One << (Arg0 & 0x0F)
            }
            Return (Local0)
        }

        /* The PIRQ register value for a link's _SRS buffer. */
        Method (LSRS, 1, NotSerialized)
        {
            CreateWordField (Arg0, One, IRQW)
            FindSetRightBit (IRQW, Local0)
            If (Local0)
            {
                Return (Local0 - One)
            }
            Return (0x80)
        }

        Device (PCI0)
        {
            Name (_HID, EisaId ("PNP0A03"))
            Name (_UID, Zero)
            Name (_BBN, Zero)

            Name (CRS0, ResourceTemplate ()
            {
                WordBusNumber (ResourceProducer, MinFixed, MaxFixed,
                    PosDecode, 0x0000, 0x0000, 0x00FF, 0x0000, 0x0100,
                    ,, )
                IO (Decode16, 0x0CF8, 0x0CF8, 0x01, 0x08, )
                WordIO (ResourceProducer, MinFixed, MaxFixed, PosDecode,
                    EntireRange, 0x0000, 0x0000, 0x0CF7, 0x0000, 0x0CF8,
                    ,, , TypeStatic, DenseTranslation)
                WordIO (ResourceProducer, MinFixed, MaxFixed, PosDecode,
                    EntireRange, 0x0000, 0x0D00, 0xFFFF, 0x0000, 0xF300,
                    ,, , TypeStatic, DenseTranslation)
                DWordMemory (ResourceProducer, PosDecode, MinFixed,
                    MaxFixed, Cacheable, ReadWrite, 0x00000000,
                    0x000A0000, 0x000BFFFF, 0x00000000, 0x00020000,
                    ,, , AddressRangeMemory, TypeStatic)
                DWordMemory (ResourceProducer, PosDecode, MinFixed,
                    MaxFixed, NonCacheable, ReadWrite, 0x00000000,
                    0xF0000000, 0xFBFFFFFF, 0x00000000, 0x0C000000,
                    ,, PW32, AddressRangeMemory, TypeStatic)
            })
            Name (CRS6, ResourceTemplate ()
            {
                QWordMemory (ResourceProducer, PosDecode, MinFixed,
                    MaxFixed, Cacheable, ReadWrite, 0x0000000000000000,
                    0x0000000000000000, 0x0000000000000000,
                    0x0000000000000000, 0x0000000000000000,
                    ,, PW64, AddressRangeMemory, TypeStatic)
            })

            /* The windows hvmloader placed BARs in (acpi_info). */
            Method (_CRS, 0, Serialized)
            {
                CreateDWordField (CRS0, \_SB.PCI0.PW32._MIN, MIN4)
                CreateDWordField (CRS0, \_SB.PCI0.PW32._MAX, MAX4)
                CreateDWordField (CRS0, \_SB.PCI0.PW32._LEN, LEN4)
                MIN4 = PMIN
                LEN4 = PLEN
                MAX4 = PMIN + PLEN - One
                If (PHLN == Zero)
                {
                    Return (CRS0)
                }
                CreateQWordField (CRS6, \_SB.PCI0.PW64._MIN, MIN8)
                CreateQWordField (CRS6, \_SB.PCI0.PW64._MAX, MAX8)
                CreateQWordField (CRS6, \_SB.PCI0.PW64._LEN, LEN8)
                MIN8 = PHMN
                LEN8 = PHLN
                MAX8 = PHMN + PHLN - One
                Return (ConcatenateResTemplate (CRS0, CRS6))
            }

            /* Links in both PIC and APIC mode (pci_irq.h). */
            Method (_PRT, 0, NotSerialized)
            {
                Return (PRTL)
            }

            /* PIIX3 function 0: the PCI-to-ISA bridge. */
            Device (ISA)
            {
                Name (_ADR, 0x00010000)

                /* PIRQ route control registers, one per link. */
                OperationRegion (PIRQ, PCI_Config, 0x60, 0x04)
                Field (PIRQ, ByteAcc, NoLock, Preserve)
                {
                    PIRA, 8,
                    PIRB, 8,
                    PIRC, 8,
                    PIRD, 8
                }

                Device (PIC)
                {
                    Name (_HID, EisaId ("PNP0000"))
                    Name (_CRS, ResourceTemplate ()
                    {
                        IO (Decode16, 0x0020, 0x0020, 0x01, 0x02, )
                        IO (Decode16, 0x00A0, 0x00A0, 0x01, 0x02, )
                        IRQNoFlags () {2}
                    })
                }

                Device (DMA)
                {
                    Name (_HID, EisaId ("PNP0200"))
                    Name (_CRS, ResourceTemplate ()
                    {
                        DMA (Compatibility, NotBusMaster, Transfer8, ) {4}
                        IO (Decode16, 0x0000, 0x0000, 0x00, 0x10, )
                        IO (Decode16, 0x0081, 0x0081, 0x00, 0x0F, )
                        IO (Decode16, 0x00C0, 0x00C0, 0x00, 0x20, )
                    })
                }

                Device (TMR)
                {
                    Name (_HID, EisaId ("PNP0100"))
                    Name (_CRS, ResourceTemplate ()
                    {
                        IO (Decode16, 0x0040, 0x0040, 0x00, 0x04, )
                        IRQNoFlags () {0}
                    })
                }

                Device (RTC)
                {
                    Name (_HID, EisaId ("PNP0B00"))
                    Name (_CRS, ResourceTemplate ()
                    {
                        IO (Decode16, 0x0070, 0x0070, 0x00, 0x02, )
                        IRQNoFlags () {8}
                    })
                }

                Device (SPKR)
                {
                    Name (_HID, EisaId ("PNP0800"))
                    Name (_CRS, ResourceTemplate ()
                    {
                        IO (Decode16, 0x0061, 0x0061, 0x00, 0x01, )
                    })
                }

                /* SeaBIOS sets up PS/2 only if this device exists. */
                Device (KBD)
                {
                    Name (_HID, EisaId ("PNP0303"))
                    Name (_CRS, ResourceTemplate ()
                    {
                        IO (Decode16, 0x0060, 0x0060, 0x00, 0x01, )
                        IO (Decode16, 0x0064, 0x0064, 0x00, 0x01, )
                        IRQNoFlags () {1}
                    })
                }

                Device (MOU)
                {
                    Name (_HID, EisaId ("PNP0F13"))
                    Name (_CRS, ResourceTemplate ()
                    {
                        IRQNoFlags () {12}
                    })
                }

                Device (COM1)
                {
                    Name (_HID, EisaId ("PNP0501"))
                    Name (_UID, One)
                    Method (_STA, 0, NotSerialized)
                    {
                        If (UAR1)
                        {
                            Return (0x0F)
                        }
                        Return (Zero)
                    }
                    Name (_CRS, ResourceTemplate ()
                    {
                        IO (Decode16, 0x03F8, 0x03F8, 0x00, 0x08, )
                        IRQNoFlags () {4}
                    })
                }

                Device (COM2)
                {
                    Name (_HID, EisaId ("PNP0501"))
                    Name (_UID, 0x02)
                    Method (_STA, 0, NotSerialized)
                    {
                        If (UAR2)
                        {
                            Return (0x0F)
                        }
                        Return (Zero)
                    }
                    Name (_CRS, ResourceTemplate ()
                    {
                        IO (Decode16, 0x02F8, 0x02F8, 0x00, 0x08, )
                        IRQNoFlags () {3}
                    })
                }

                Device (LPT1)
                {
                    Name (_HID, EisaId ("PNP0400"))
                    Name (_UID, One)
                    Method (_STA, 0, NotSerialized)
                    {
                        If (LTP1)
                        {
                            Return (0x0F)
                        }
                        Return (Zero)
                    }
                    Name (_CRS, ResourceTemplate ()
                    {
                        IO (Decode16, 0x0378, 0x0378, 0x00, 0x08, )
                        IRQNoFlags () {7}
                    })
                }

                /* Ports owned by the platform, kept from PCI allocation. */
                Device (RES)
                {
                    Name (_HID, EisaId ("PNP0C02"))
                    Name (_UID, One)
                    Name (_CRS, ResourceTemplate ()
                    {
                        /* Xen platform device fixed ports */
                        IO (Decode16, 0x0010, 0x0010, 0x00, 0x10, )
                        /* port 0x92 (fast A20/reset) */
                        IO (Decode16, 0x0092, 0x0092, 0x00, 0x01, )
                        /* APM control and status */
                        IO (Decode16, 0x00B2, 0x00B2, 0x00, 0x02, )
                        /* debug console */
                        IO (Decode16, 0x00E9, 0x00E9, 0x00, 0x01, )
                        /* 8259 edge/level control */
                        IO (Decode16, 0x04D0, 0x04D0, 0x00, 0x02, )
                        /* GPE0 block */
                        IO (Decode16, 0xAFE0, 0xAFE0, 0x00, 0x04, )
                        /* PIIX4 power management block */
                        IO (Decode16, 0xB000, 0xB000, 0x00, 0x40, )
                    })
                }
            }
        }

        Device (HPET)
        {
            Name (_HID, EisaId ("PNP0103"))
            Name (_UID, Zero)
            Method (_STA, 0, NotSerialized)
            {
                If (HPTP)
                {
                    Return (0x0F)
                }
                Return (Zero)
            }
            Name (_CRS, ResourceTemplate ()
            {
                Memory32Fixed (ReadOnly, 0xFED00000, 0x00000400, )
            })
        }
    }

    Include ("dsdt_gen.asl")
}
