/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A test table for acpi_tools_test, loaded into acpiexec beside the DSDT.
 * \TSTA evaluates the DSDT's methods and returns 0 if all checks pass,
 * else the number of the first failing check. It leaves _PRT's result in
 * \TPRT, whose link references the test script compares.
 */
DefinitionBlock ("", "SSDT", 2, "HVM", "HVMTEST", 0)
{
    External (\_SB.PCI0._PRT, MethodObj)
    External (\_SB.PCI0._CRS, MethodObj)
    External (\_SB.LNKA._SRS, MethodObj)
    External (\_SB.LNKA._CRS, MethodObj)
    External (\_SB.LNKA._STA, MethodObj)
    External (\_SB.LNKA._DIS, MethodObj)
    External (\_SB.PCI0.ISA.PIRA, FieldUnitObj)
    External (\_SB.PR01._STA, MethodObj)
    External (\_SB.PR02._STA, MethodObj)
    External (\NCPU, FieldUnitObj)
    External (\PMIN, FieldUnitObj)
    External (\PLEN, FieldUnitObj)
    External (\PHMN, FieldUnitObj)
    External (\PHLN, FieldUnitObj)

    Name (TPRT, Zero)

    /* The little-endian DWord at Arg1 in buffer Arg0. */
    Method (RD32, 2, NotSerialized)
    {
        Return (DerefOf (Arg0 [Arg1]) | (DerefOf (Arg0 [Arg1 + 1]) << 8) |
            (DerefOf (Arg0 [Arg1 + 2]) << 16) |
            (DerefOf (Arg0 [Arg1 + 3]) << 24))
    }

    /* True if DWords Arg1, Arg2 follow each other somewhere in Arg0. */
    Method (HAS2, 3, NotSerialized)
    {
        Local0 = Zero
        While (Local0 + 8 <= SizeOf (Arg0))
        {
            If ((RD32 (Arg0, Local0) == Arg1) &&
                (RD32 (Arg0, Local0 + 4) == Arg2))
            {
                Return (One)
            }
            Local0++
        }
        Return (Zero)
    }

    /* _PRT: one entry per device 1..31 and pin, address and pin. */
    Method (TPRA, 0, NotSerialized)
    {
        CopyObject (\_SB.PCI0._PRT (), TPRT)
        If (SizeOf (TPRT) != 124)
        {
            Return (1)
        }
        Local0 = Zero
        While (Local0 < 124)
        {
            Local1 = DerefOf (TPRT [Local0])
            Local2 = ((Local0 / 4) + One)
            If (DerefOf (Local1 [Zero]) != ((Local2 << 16) | 0xFFFF))
            {
                Return (2)
            }
            If (DerefOf (Local1 [One]) != (Local0 % 4))
            {
                Return (3)
            }
            If (DerefOf (Local1 [0x03]) != Zero)
            {
                Return (4)
            }
            Local0++
        }
        Return (Zero)
    }

    /* A link routed by _SRS reads back through PIRA, _CRS and _STA. */
    Method (TLNK, 0, Serialized)
    {
        \_SB.LNKA._SRS (ResourceTemplate ()
        {
            IRQ (Level, ActiveLow, Shared, ) {10}
        })
        If (\_SB.PCI0.ISA.PIRA != 10)
        {
            Return (5)
        }
        Local0 = \_SB.LNKA._CRS ()
        CreateWordField (Local0, One, IRQW)
        If (IRQW != 0x0400)
        {
            Return (6)
        }
        If (\_SB.LNKA._STA () != 0x0B)
        {
            Return (7)
        }
        \_SB.LNKA._DIS ()
        If (\_SB.LNKA._STA () != 0x09)
        {
            Return (8)
        }
        Return (Zero)
    }

    /* PCI0._CRS reports the windows from acpi_info. */
    Method (TCRS, 0, NotSerialized)
    {
        \PMIN = 0xE0000000
        \PLEN = 0x1C000000
        \PHMN = 0x0000000280000000
        \PHLN = Zero
        Local0 = \_SB.PCI0._CRS ()
        If (!HAS2 (Local0, 0xE0000000, 0xFBFFFFFF))
        {
            Return (11)
        }
        Local1 = SizeOf (Local0)
        \PHLN = 0x80000000
        Local0 = \_SB.PCI0._CRS ()
        /* The QWord memory descriptor: 46 bytes more. */
        If (SizeOf (Local0) != (Local1 + 46))
        {
            Return (12)
        }
        Return (Zero)
    }

    /* Processors below NCPU are present. */
    Method (TCPU, 0, NotSerialized)
    {
        \NCPU = 2
        If (\_SB.PR01._STA () != 0x0F)
        {
            Return (9)
        }
        If (\_SB.PR02._STA () != Zero)
        {
            Return (10)
        }
        Return (Zero)
    }

    Method (TSTA, 0, NotSerialized)
    {
        Local0 = TPRA ()
        If (Local0 == Zero)
        {
            Local0 = TLNK ()
        }
        If (Local0 == Zero)
        {
            Local0 = TCRS ()
        }
        If (Local0 == Zero)
        {
            Local0 = TCPU ()
        }
        Return (Local0)
    }
}
