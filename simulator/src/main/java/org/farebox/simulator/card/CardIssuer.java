package org.farebox.simulator.card;

import org.farebox.protocol.bytes.Bcd;
import org.farebox.protocol.bytes.Bytes;
import org.farebox.protocol.pboc.ManagementInfo;
import org.farebox.protocol.pboc.MasterKeys;
import org.farebox.protocol.pboc.PublicBasicData;

/**
 * Personalises virtual cards: writes files 0x15/0x16/0x17, an empty journey record, the opening balance
 * and the card keys diversified from the issuer's {@link MasterKeys} (one or two levels, as the key file says).
 */
public final class CardIssuer {
    static final int APPLICATION_TYPE = 0x02;
    static final int APPLICATION_VERSION = 0x01;
    static final int INTEROP_T_UNION = 0x0001;
    /** ISO 3166 numeric 156 (China) in BCD; the province is taken as the city code's first byte plus 00. */
    private static final byte[] COUNTRY_CHINA = Bytes.of(0x00, 0x00, 0x01, 0x56);

    private final MasterKeys masterKeys;

    public CardIssuer(MasterKeys masterKeys) {
        this.masterKeys = masterKeys;
    }

    /** A fresh card image; throws IllegalArgumentException when the key index has no master keys. */
    public CardImage issue(CardProfile profile) {
        byte[] issuerId = profile.issuerId();
        PublicBasicData basic = new PublicBasicData(issuerId, APPLICATION_TYPE, APPLICATION_VERSION,
                Bcd.digits(profile.serialNumber()), profile.validFrom(), profile.validUntil(), new byte[2]);
        byte[] city = Bytes.slice(issuerId, 2, 2);
        ManagementInfo management = new ManagementInfo(COUNTRY_CHINA, Bytes.of(city[0], 0x00), city,
                INTEROP_T_UNION, profile.cardType());
        byte[] cardholder = new byte[CardImage.CARDHOLDER_LENGTH];
        cardholder[0] = (byte) profile.cardType();

        int index = profile.purchaseKeyIndex();
        byte[] factor = basic.diversificationFactor();
        CardKeys keys = new CardKeys(masterKeys.keySet(index).version(),
                masterKeys.cardKey(MasterKeys.Usage.PURCHASE, index, issuerId, factor),
                masterKeys.cardKey(MasterKeys.Usage.TAC, index, issuerId, factor),
                masterKeys.cardKey(MasterKeys.Usage.MAINTENANCE, index, issuerId, factor));

        CardImage.Builder b = CardImage.builder();
        b.publicBasicData = basic.encode();
        b.cardholder = cardholder;
        b.management = management.encode();
        b.balance = profile.initialBalance();
        b.overdraftLimit = profile.overdraftLimit();
        b.keys.put(index, keys);
        b.algorithmId = profile.algorithmId();
        b.legacy = profile.legacy();
        return b.build();
    }
}
