package org.farebox.protocol.pboc;

import org.farebox.protocol.bytes.Hex;

/** Identifiers of the T-Union (JT/T 978) e-purse application and its PSAM (PROTOCOLS.md §1.1–1.4). */
public final class TUnion {
    /** MoT-registered AID of the T-Union e-purse ADF. */
    public static final byte[] AID = Hex.parse("A000000632010105");
    /** Legacy city-card e-purse DF, selected by file id when the AID is not found. */
    public static final int EP_DF_FID = 0x1001;
    /** PSAM application: RID A000000632 followed by ASCII "MOT.CPSAM01". */
    public static final byte[] PSAM_AID = Hex.parse("A0000006324D4F542E435053414D3031");

    public static final int SFI_PUBLIC_BASIC_DATA = 0x15;
    public static final int SFI_CARDHOLDER = 0x16;
    public static final int SFI_MANAGEMENT = 0x17;
    public static final int SFI_PURSE_LOG = 0x18;
    public static final int SFI_JOURNEY = 0x1A;
    public static final int SFI_TRIP_LOG = 0x1E;
    /** PSAM files read at boot: terminal number (0x16) and purchase key information (0x17). */
    public static final int SFI_PSAM_TERMINAL_NUMBER = 0x16;
    public static final int SFI_PSAM_KEY_INFO = 0x17;

    public static final int TYPE_LOAD = 0x02;
    public static final int TYPE_PURCHASE = 0x06;
    public static final int TYPE_CAPP_PURCHASE = 0x09;

    public static final int PUBLIC_BASIC_DATA_LENGTH = 30;
    public static final int MANAGEMENT_LENGTH = 60;
    public static final int PURSE_LOG_LENGTH = 23;
    public static final int JOURNEY_LENGTH = 128;
    public static final int PSAM_KEY_INFO_LENGTH = 25;

    private TUnion() {
    }
}
